package countylive.web;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error is the app's own page: in the layout and the user's language, with the security
 * headers, saying what the user may do instead and linking back; never Micronaut's English
 * default page or JSON. Large form bodies get their answer too (an error route once never answered them).
 */
@MicronautTest(transactional = false)
class ErrorPagesTest {

    /** Larger than the ~4 KB at which a body arrives after the headers. */
    private static final String LARGE = "x".repeat(6000);

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("coordinator", "421124");
    }

    @Test
    void aRefusedRoleIsTheForbiddenPageWithTheNavigation() {
        Browser.Page chinese = browser().login("staff", Fixtures.PASSWORD).get("/accounts");
        assertErrorPage(chinese, 403, "无权访问", "请联系管理员");
        assertTrue(chinese.body().contains("退出登录"), "the signed-in layout, with the way on: " + chinese.body());
        Browser.Page english = browser().language("en").login("staff", Fixtures.PASSWORD).get("/accounts");
        assertErrorPage(english, 403, "Access denied", "ask an administrator");
        assertTrue(english.body().contains("Log out"));
    }

    @Test
    void aCoordinatorRefusedAnAdministratorsPageIsToldWhatACoordinatorCanDoInstead() {
        Browser chinese = browser().login("coordinator", Fixtures.PASSWORD);
        Browser english = browser().language("en").login("coordinator", Fixtures.PASSWORD);
        for (String path : new String[]{"/summaries", "/accounts", "/audit", "/campaigns/new"}) {
            Browser.Page zh = chinese.get(path);
            assertErrorPage(zh, 403, "无权访问", "本县所参加活动的汇总在活动页面上");
            assertTrue(zh.body().contains("<a href=\"/sessions\">查看和录入直播场次</a>"), path + ": " + zh.body());
            assertFalse(zh.body().contains("<a href=\"/summaries\">"), "no link to what was refused: " + zh.body());
            Browser.Page en = english.get(path);
            assertErrorPage(en, 403, "Access denied", "is on the campaign’s page");
            assertTrue(en.body().contains("<a href=\"/sessions\">See and enter livestream sessions</a>"), path + ": " + en.body());
        }
    }

    @Test
    void associationStaffRefusedAHouseholdAreToldWhyAndLinkedToTheCountsPerCounty() {
        Browser.Page zh = browser().login("staff", Fixtures.PASSWORD).get("/households/1");
        assertErrorPage(zh, 403, "无权访问", "贫困户的姓名和证件号属于个人信息");
        assertTrue(zh.body().contains("<a href=\"/households\">各县贫困户户数</a>"), zh.body());
        assertTrue(zh.body().contains("<a href=\"/summaries\">查看汇总</a>"), zh.body());
        Browser.Page en = browser().language("en").login("staff", Fixtures.PASSWORD).get("/households/1");
        assertErrorPage(en, 403, "Access denied", "personal data");
        assertTrue(en.body().contains("<a href=\"/households\">Households per county</a>"), en.body());
    }

    @Test
    void aRefusedRoleAnswersALargeFormAndChangesNothing() {
        Browser staff = browser().login("staff", Fixtures.PASSWORD);
        Browser.Page page = staff.post("/partners", Map.of("name", LARGE, "kind", "PLATFORM", "submission", "x"));
        assertErrorPage(page, 403, "无权访问", "请联系管理员");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void aFormWithoutItsTokenIsRefusedWithAPageSayingToOpenItAgain() {
        Browser admin = browser().login("root", Fixtures.PASSWORD);
        Browser.Page page = admin.postRaw("/partners", Map.of("name", LARGE, "kind", "PLATFORM", "csrf", "forged"));
        assertErrorPage(page, 403, "表单已过期", "重新打开页面");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void anExpiredLoginFormWithALargeBodyIsAnswered() {
        Browser.Page page = browser().postRaw("/login", Map.of("username", LARGE, "password", LARGE, "loginToken", "x"));
        assertEquals(403, page.status(), "the login form again, with its message");
        assertTrue(page.body().contains("登录页面已过期"), page.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM login_session"));
    }

    @Test
    void aFormatTheRouteDoesNotProduceIsThePageNotJson() {
        Browser staff = browser().login("staff", Fixtures.PASSWORD);
        Browser.Page page = staff.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns"))
                .header("Accept", "application/json"));
        assertErrorPage(page, 406, "无法提供所要求的格式", "请用浏览器打开");
    }

    @Test
    void aWrongMethodAndAMissingPageAreThePage() {
        Browser staff = browser().login("staff", Fixtures.PASSWORD);
        assertErrorPage(staff.get("/logout"), 405, "不能这样打开此页面", "请从首页或菜单进入");
        assertErrorPage(staff.get("/no/such/page"), 404, "页面不存在", "可能已被删除");
        assertErrorPage(staff.get("/campaigns/999999"), 404, "页面不存在", "可能已被删除");
    }

    @Test
    void aSignedOutRequestThatWantsNoRedirectIsThePageWithALoginLink() {
        Browser.Page page = browser().send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns"))
                .header("Accept", "*/*"));
        assertErrorPage(page, 401, "请先登录", "href=\"/login\"");
    }

    @Test
    void anUploadOverTheServersLimitIsAPageTheUserCanRead() {
        Browser coordinator = browser().login("coordinator", Fixtures.PASSWORD);
        String boundary = "----countylive-large";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[50 * 1024 * 1024];
        System.arraycopy(head, 0, body, 0, head.length);
        Browser.Page page = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns/1/import"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertErrorPage(page, 413, "内容太大", "选择较小的文件");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));
    }

    @Test
    void everyKindOfErrorPageHasItsTextsInBothLanguages() throws IOException {
        Properties zh = bundle("messages_zh");
        Properties en = bundle("messages_en");
        for (String kind : ErrorPageRenderer.kinds()) {
            for (String key : new String[]{"error." + kind + ".title", "error." + kind + ".text"}) {
                assertNotNull(zh.getProperty(key), key);
                assertNotNull(en.getProperty(key), key);
            }
        }
    }

    private Browser browser() {
        return new Browser(server.getURI()).timeout(Duration.ofSeconds(10));
    }

    static void assertErrorPage(Browser.Page page, int status, String title, String whatToDo) {
        assertEquals(status, page.status(), page.body());
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", "").toLowerCase());
        assertTrue(page.body().contains("<h1>" + title + "</h1>"), page.body());
        assertTrue(page.body().contains(whatToDo), page.body());
        assertTrue(page.body().contains("href=\"/\""), "a way back: " + page.body());
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/assets/app.css\">"), "the layout");
        assertFalse(page.body().contains("micronaut") || page.body().contains("\"_links\""), page.body());
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = ErrorPagesTest.class.getResourceAsStream("/i18n/" + name + ".properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        }
    }
}

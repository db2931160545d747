package countylive.web;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static countylive.web.ErrorPagesTest.assertErrorPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Requests that are malformed, not wrong: a body that cannot be decoded, a return path that is
 * not a path. They are the sender's mistake (400 and the page that says so), never ours (500),
 * and they change nothing: no row, no login session, no cookie.
 */
@MicronautTest(transactional = false)
class MalformedRequestsTest {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"loginToken\" value=\"([^\"]*)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶助农直播', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124')", campaign);
    }

    @Test
    void aMultipartPartWithoutContentDispositionIsABadRequest() {
        Browser coordinator = browser().login("yingshan", Fixtures.PASSWORD);
        String body = "--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XX--\r\n";
        Browser.Page page = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns/" + campaign + "/import"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=XX")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertErrorPage(page, 400, "请求无法识别", "重新打开表单");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));
    }

    @Test
    void aBadPercentEscapeInAFormIsABadRequest() {
        Browser admin = browser().login("root", Fixtures.PASSWORD);
        Browser.Page page = admin.send(HttpRequest.newBuilder(server.getURI().resolve("/partners"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=%E6%8A%96&kind=PLATFORM&csrf=%ZZ")));
        assertErrorPage(page, 400, "请求无法识别", "重新打开表单");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
        Browser.Page language = browser().send(HttpRequest.newBuilder(server.getURI().resolve("/locale"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=en%ZZ")));
        assertErrorPage(language, 400, "请求无法识别", "重新打开表单");
    }

    @Test
    void aReturnPathThatIsNotAPathIsABadRequestForTheLanguageSwitch() {
        for (String returnTo : new String[]{"/a b", "/campaigns?q=a b", "/%zz", "/a\"b"}) {
            Browser.Page page = browser().postRaw("/locale", Map.of("lang", "en", "returnTo", returnTo));
            assertErrorPage(page, 400, "请求无法识别", "重新打开表单");
            assertNull(page.header("Set-Cookie"), returnTo);
        }
        assertEquals("/campaigns?page=2", browser().postRaw("/locale",
                Map.of("lang", "en", "returnTo", "/campaigns?page=2")).location());
    }

    @Test
    void aLoginWithAReturnPathThatIsNotAPathIsRefusedAndOpensNoSession() {
        Browser browser = browser();
        Browser.Page refused = login(browser, "/a b");
        assertErrorPage(refused, 400, "请求无法识别", "重新打开表单");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM login_session"), "no session row left behind");
        assertNull(refused.header("Set-Cookie"), "no session cookie");
        Browser.Page accepted = login(browser, "/campaigns?page=2");
        assertEquals(303, accepted.status(), accepted.body());
        assertEquals("/campaigns?page=2", accepted.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM login_session"));
    }

    private Browser.Page login(Browser browser, String returnTo) {
        Matcher token = LOGIN_TOKEN.matcher(browser.get("/login").body());
        if (!token.find()) {
            throw new AssertionError("no login form");
        }
        return browser.postRaw("/login", Map.of("username", "root", "password", Fixtures.PASSWORD,
                "loginToken", token.group(1), "returnTo", returnTo));
    }

    private Browser browser() {
        return new Browser(server.getURI()).timeout(Duration.ofSeconds(10));
    }
}

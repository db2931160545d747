package countylive.web;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class HomePageTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.association("staff");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        Browser.Page page = new Browser(server.getURI()).get("/");
        assertEquals(303, page.status());
        assertEquals("/login", page.location());
    }

    @Test
    void homePageRendersInChineseByDefault() {
        Browser.Page page = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD).get("/");
        assertEquals(200, page.status());
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", "").toLowerCase());
        assertTrue(page.body().contains("<html lang=\"zh-CN\">"), page.body());
        assertTrue(page.body().contains("县长直播助农台"));
        assertTrue(page.body().contains("退出登录"));
    }

    @Test
    void homePageRendersInEnglish() {
        Browser.Page page = new Browser(server.getURI()).language("en").login("staff", Fixtures.PASSWORD).get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<html lang=\"en\">"), page.body());
        assertTrue(page.body().contains("County Live"));
        assertTrue(page.body().contains("Log out"));
    }

    @Test
    void languageSwitchSetsThePreferenceAndReturnsToThePage() {
        Browser browser = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        Browser.Page switched = browser.postRaw("/locale", java.util.Map.of("lang", "en", "returnTo", "/"));
        assertEquals(303, switched.status());
        assertEquals("/", switched.location());
        assertTrue(switched.header("Set-Cookie").startsWith("locale=en"), switched.header("Set-Cookie"));
        Browser.Page elsewhere = browser.postRaw("/locale", java.util.Map.of("lang", "en", "returnTo", "//evil.example/"));
        assertEquals("/", elsewhere.location(), "never an open redirect");
    }

    @Test
    void unknownPageIsAFriendly404() {
        Browser.Page page = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD).get("/no/such/page");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("页面不存在"), page.body());
    }

    @Test
    void healthReportsUpWithTheDatabase() {
        Browser.Page page = new Browser(server.getURI()).get("/health");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("\"status\":\"UP\""), page.body());
    }
}

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page language comes from the {@code locale} cookie, zh-CN or en; anything else a browser
 * (or someone else) sends, in the cookie, the language switch or Accept-Language, is Chinese.
 * Pages answer in seconds whatever arrives: an unreadable cookie once made every page hang.
 */
@MicronautTest(transactional = false)
class LanguageTest {

    private static final List<String> UNREADABLE = List.of("en%20", "%", "%zz", "en_", "zh-CN!", "de", "EN-gb-x-",
            "x".repeat(300), "en-", "-", "123");

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
    void anUnreadableLanguageCookieShowsThePageInChinese() {
        for (String cookie : UNREADABLE) {
            Browser.Page login = browser().language(cookie).get("/login");
            assertEquals(200, login.status(), cookie);
            assertTrue(login.body().contains("<html lang=\"zh-CN\">"), cookie + ": " + login.body());
            assertTrue(login.body().contains("登录"), cookie);
        }
        Browser.Page home = browser().language("en%20").login("staff", Fixtures.PASSWORD).get("/");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("退出登录"), home.body());
        Browser.Page missing = browser().language("%").get("/no/such/page");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("页面不存在"), missing.body());
    }

    @Test
    void theTwoLanguagesStillWork() {
        assertTrue(browser().language("en").get("/login").body().contains("<html lang=\"en\">"));
        assertTrue(browser().language("zh-CN").get("/login").body().contains("<html lang=\"zh-CN\">"));
    }

    @Test
    void anyAcceptLanguageHeaderIsIgnored() {
        for (String header : List.of(",,,;;;===", ";q=", "*;q=x", "en;q=", "=", ",", "en-US,en;q=0.9")) {
            Browser browser = browser();
            Browser.Page page = browser.send(HttpRequest.newBuilder(server.getURI().resolve("/login"))
                    .header("Accept", "text/html").header("Accept-Language", header));
            assertEquals(200, page.status(), header + ": " + page.body());
            assertTrue(page.body().contains("<html lang=\"zh-CN\">"), header);
        }
        Browser staff = browser().login("staff", Fixtures.PASSWORD);
        Browser.Page form = staff.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns"))
                .header("Accept", "text/html").header("Accept-Language", ",,,;;;==="));
        assertEquals(200, form.status(), "a page with parameters to bind: " + form.body());
    }

    @Test
    void theLanguageSwitchSetsOnlyASupportedLanguage() {
        for (String lang : List.of("en%20", "de", "", "zh-CN\r\nX-Evil: 1", "en;")) {
            Browser.Page switched = browser().postRaw("/locale", Map.of("lang", lang, "returnTo", "/login"));
            assertEquals(303, switched.status(), lang);
            assertTrue(switched.header("Set-Cookie").startsWith("locale=zh-CN;"), switched.header("Set-Cookie"));
        }
        Browser.Page english = browser().postRaw("/locale", Map.of("lang", "en", "returnTo", "/login"));
        assertTrue(english.header("Set-Cookie").startsWith("locale=en;"), english.header("Set-Cookie"));
    }

    private Browser browser() {
        return new Browser(server.getURI()).timeout(Duration.ofSeconds(10));
    }
}

package countylive.account;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Five failed logins are free; then logins wait, per account and per address, and say how long. */
@MicronautTest(transactional = false)
class LoginThrottleTest {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"loginToken\" value=\"([^\"]*)\"");
    private static final Pattern WAIT = Pattern.compile("登录失败次数过多，请在 (\\d+) 秒后再试");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("zhao", AccountData.YINGSHAN);
    }

    @Test
    void sixthLoginForAnAccountWaitsEvenWithTheRightPassword() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attempt("zhao", "wrong-password-" + i).status(), "failure " + i);
        }
        // the same failures from elsewhere: only the account's count remains
        fixtures.execute("DELETE FROM login_throttle WHERE subject LIKE 'addr:%'");
        Browser.Page sixth = attempt("zhao", Fixtures.PASSWORD);
        assertEquals(429, sixth.status());
        assertWaitAbout30Seconds(sixth.body());
        assertEquals("0", AccountData.sessions(fixtures, "zhao"));
    }

    @Test
    void manyUsernamesFromOneAddressAreThrottledToo() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attempt("guess" + i, "password-" + i).status());
        }
        Browser.Page real = attempt("zhao", Fixtures.PASSWORD);
        assertEquals(429, real.status());
        assertWaitAbout30Seconds(real.body());
    }

    @Test
    void loginWorksAgainOnceTheWaitIsOver() {
        for (int i = 1; i <= 5; i++) {
            attempt("zhao", "wrong-password-" + i);
        }
        fixtures.execute("UPDATE login_throttle SET last_failure_at = last_failure_at - INTERVAL 31 SECOND");
        assertEquals(303, attempt("zhao", Fixtures.PASSWORD).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM login_throttle WHERE subject = 'user:zhao'"),
                "a good login clears the account's count");
    }

    @Test
    void throttledMessageIsInEnglishToo() {
        for (int i = 1; i <= 5; i++) {
            attempt("zhao", "wrong-password-" + i);
        }
        Browser english = new Browser(server.getURI()).language("en");
        Browser.Page page = attemptWith(english, "zhao", Fixtures.PASSWORD);
        assertEquals(429, page.status());
        assertTrue(page.body().matches("(?s).*Too many failed logins. Please try again in \\d+ seconds.*"), page.body());
    }

    private void assertWaitAbout30Seconds(String body) {
        Matcher matcher = WAIT.matcher(body);
        assertTrue(matcher.find(), body);
        int seconds = Integer.parseInt(matcher.group(1));
        assertTrue(seconds >= 25 && seconds <= 30, "wait " + seconds);
    }

    private Browser.Page attempt(String username, String password) {
        return attemptWith(new Browser(server.getURI()), username, password);
    }

    private static Browser.Page attemptWith(Browser browser, String username, String password) {
        Matcher token = LOGIN_TOKEN.matcher(browser.get("/login").body());
        assertTrue(token.find());
        return browser.postRaw("/login", Map.of("username", username, "password", password, "loginToken", token.group(1)));
    }
}

package countylive.account;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a reverse proxy that names the client in X-Real-IP: addresses are told apart, so one
 * address's failures do not lock out the others, and an account's failures lock it everywhere.
 */
@MicronautTest(transactional = false)
@Property(name = "countylive.login.client-address-header", value = "X-Real-IP")
class ProxiedLoginThrottleTest {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"loginToken\" value=\"([^\"]*)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("zhao", AccountData.YINGSHAN);
        fixtures.association("staff");
    }

    @Test
    void guessingFromOneAddressDoesNotLockOutTheOthers() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attempt("10.0.0.1", "guess" + i, "password-" + i).status());
        }
        assertEquals(429, attempt("10.0.0.1", "staff", Fixtures.PASSWORD).status());
        assertEquals(303, attempt("10.0.0.2", "staff", Fixtures.PASSWORD).status());
    }

    @Test
    void anAccountsFailuresLockItFromEveryAddress() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attempt("10.0.1." + i, "zhao", "wrong-password-" + i).status());
        }
        Browser.Page sixth = attempt("10.0.2.1", "zhao", Fixtures.PASSWORD);
        assertEquals(429, sixth.status());
        assertTrue(sixth.body().contains("秒后再试"), sixth.body());
        assertEquals(303, attempt("10.0.2.1", "staff", Fixtures.PASSWORD).status(), "other accounts unaffected");
    }

    private Browser.Page attempt(String address, String username, String password) {
        Browser browser = new Browser(server.getURI());
        Matcher token = LOGIN_TOKEN.matcher(browser.get("/login").body());
        assertTrue(token.find());
        return browser.send(HttpRequest.newBuilder(server.getURI().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Real-IP", address)
                .header("Cookie", browser.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&loginToken=" + token.group(1))));
    }
}

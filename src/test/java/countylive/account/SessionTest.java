package countylive.account;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copied cookie stops working when the session ends on the server: logout, a disabled account,
 * a password reset, the idle and the absolute timeout (2 h and 12 h by default).
 */
@MicronautTest(transactional = false)
class SessionTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.coordinatorOf("zhao", AccountData.YINGSHAN);
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @Test
    void cookieReplayedAfterLogoutIsSentToLogin() {
        Browser zhao = new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD);
        String cookie = zhao.cookieHeader();
        assertEquals(200, replay(cookie).status());
        Browser.Page logout = zhao.post("/logout", Map.of());
        assertEquals(303, logout.status());
        assertEquals("/login", logout.location());
        Browser.Page replayed = replay(cookie);
        assertEquals(303, replayed.status());
        assertEquals("/login", replayed.location());
        assertEquals("0", AccountData.sessions(fixtures, "zhao"));
    }

    @Test
    void cookieReplayedAfterTheAccountIsDisabledIsSentToLogin() {
        String cookie = new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD).cookieHeader();
        admin.post("/accounts/" + AccountData.id(fixtures, "zhao") + "/disable", Map.of());
        assertEquals("/login", replay(cookie).location());
    }

    @Test
    void cookieReplayedAfterAPasswordResetIsSentToLogin() {
        String cookie = new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD).cookieHeader();
        admin.post("/accounts/" + AccountData.id(fixtures, "zhao") + "/password",
                Map.of("password", "reset-password-1", "confirm", "reset-password-1"));
        assertEquals("/login", replay(cookie).location());
    }

    @Test
    void sessionEndsAfterTwoIdleHours() {
        String cookie = new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD).cookieHeader();
        idle("zhao", "110 MINUTE");
        assertEquals(200, replay(cookie).status(), "still within the idle timeout");
        idle("zhao", "121 MINUTE");
        assertEquals("/login", replay(cookie).location());
        assertEquals("0", AccountData.sessions(fixtures, "zhao"), "the expired session is deleted");
    }

    @Test
    void sessionEndsTwelveHoursAfterLoginEvenWhenInUse() {
        String cookie = new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD).cookieHeader();
        fixtures.execute("UPDATE login_session SET created_at = created_at - INTERVAL 721 MINUTE");
        assertEquals("/login", replay(cookie).location());
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndSecureBehindAnHttpsProxy() {
        Browser browser = new Browser(server.getURI());
        String page = browser.get("/login").body();
        Matcher token = Pattern.compile("name=\"loginToken\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(token.find());
        Browser.Page login = browser.send(HttpRequest.newBuilder(server.getURI().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", browser.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=zhao&password=" + Fixtures.PASSWORD + "&loginToken=" + token.group(1))));
        assertEquals(303, login.status(), login.body());
        String setCookie = login.headers().get("set-cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Secure"), setCookie);
    }

    /** Moves the last request back in time (relative: the app keeps Beijing time, the database may not). */
    private void idle(String username, String interval) {
        fixtures.execute("UPDATE login_session s JOIN app_user u ON u.id = s.user_id "
                + "SET s.last_seen_at = s.last_seen_at - INTERVAL " + interval + " WHERE u.username = ?", username);
    }

    private Browser.Page replay(String cookieHeader) {
        return new Browser(server.getURI()).send(HttpRequest.newBuilder(server.getURI().resolve("/"))
                .header("Accept", "text/html")
                .header("Cookie", cookieHeader)
                .GET());
    }
}

package countylive.account;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everyone changes their own password; the other sessions end, this one stays. */
@MicronautTest(transactional = false)
class OwnPasswordTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    String id;
    Browser here;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        id = String.valueOf(fixtures.association("staff"));
        here = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
    }

    @Test
    void changesThePasswordEndsOtherSessionsAndKeepsThisOne() {
        Browser elsewhere = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals(200, here.get("/account/password").status());
        Browser.Page changed = here.post("/account/password",
                Map.of("current", Fixtures.PASSWORD, "password", "a-new-password", "confirm", "a-new-password"));
        assertEquals(303, changed.status(), changed.body());
        assertEquals("/account/password?flash=passwordChanged", changed.location());
        assertTrue(here.get(changed.location()).body().contains("密码已修改"));
        assertEquals("/login", elsewhere.get("/").location());
        assertEquals("1", AccountData.sessions(fixtures, "staff"));
        new Browser(server.getURI()).login("staff", "a-new-password");
        assertEquals(List.of("UPDATE by staff {\"password\":[null,null]}"), AccountData.audit(fixtures, id));
    }

    @Test
    void refusesAWrongCurrentPasswordAndCountsIt() {
        String hash = fixtures.value("SELECT password_hash FROM app_user WHERE id = ?", id);
        Browser.Page page = here.post("/account/password",
                Map.of("current", "not-my-password", "password", "a-new-password", "confirm", "a-new-password"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("当前密码不正确"), page.body());
        assertFalse(page.body().contains("not-my-password") || page.body().contains("a-new-password"),
                "passwords never come back");
        assertEquals(hash, fixtures.value("SELECT password_hash FROM app_user WHERE id = ?", id));
        assertEquals("1", fixtures.value("SELECT failures FROM login_throttle WHERE subject = 'user:staff'"));
        assertEquals(List.of(), AccountData.audit(fixtures, id));
    }

    @Test
    void refusesShortAndMismatchedNewPasswords() {
        Browser english = new Browser(server.getURI()).language("en").login("staff", Fixtures.PASSWORD);
        Browser.Page shortOne = english.post("/account/password",
                Map.of("current", Fixtures.PASSWORD, "password", "short", "confirm", "short"));
        assertEquals(422, shortOne.status());
        assertTrue(shortOne.body().contains("at least 10 characters"), shortOne.body());
        Browser.Page mismatch = english.post("/account/password",
                Map.of("current", Fixtures.PASSWORD, "password", "a-new-password", "confirm", "a-new-passw0rd"));
        assertEquals(422, mismatch.status());
        assertTrue(mismatch.body().contains("The two new passwords differ."), mismatch.body());
        new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
    }

    @Test
    void refusesAPostWithoutTheCsrfToken() {
        Browser.Page page = here.postRaw("/account/password",
                Map.of("current", Fixtures.PASSWORD, "password", "a-new-password", "confirm", "a-new-password"));
        assertEquals(403, page.status());
        new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
    }
}

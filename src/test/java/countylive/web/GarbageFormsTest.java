package countylive.web;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Garbage in every field of the forms that the feature tests' garbage runs do not cover (the
 * campaign, reference data and entry forms have their own): partners, accounts, passwords, the
 * poverty flag, login and the language switch. Never a 500, never markup echoed back.
 */
@MicronautTest(transactional = false)
class GarbageFormsTest {

    private static final List<String> GARBAGE = List.of("", "   ", "x".repeat(5000), "<script>alert(1)</script>",
            "' OR 1=1; DROP TABLE app_user; --", "１２３４", "\u0000\u0007", "😀\u202e\u200b", "-1", "1e3",
            "99999999999999999999999", "NaN", "null", "../../etc/passwd", "%00");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES ('抖音', 'PLATFORM', NOW(), NOW())");
    }

    @Test
    void noFormAnswersGarbageWithAnErrorPage() {
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        String partner = fixtures.value("SELECT id FROM partner");
        String user = fixtures.value("SELECT id FROM app_user WHERE username = 'root'");
        Map<String, List<String>> forms = new LinkedHashMap<>();
        forms.put("/partners", List.of("name", "kind", "submission"));
        forms.put("/partners/" + partner, List.of("name", "kind", "version"));
        forms.put("/accounts", List.of("username", "displayName", "role", "counties", "password", "submission"));
        forms.put("/accounts/" + user, List.of("displayName", "role", "counties", "version"));
        forms.put("/accounts/" + user + "/password", List.of("password", "confirm"));
        forms.put("/account/password", List.of("current", "password", "confirm"));
        forms.put("/counties/421124/poverty", List.of("poverty", "version"));
        forms.put("/locale", List.of("lang", "returnTo"));
        int posts = 0;
        for (var form : forms.entrySet()) {
            for (String value : GARBAGE) {
                Map<String, String> fields = new LinkedHashMap<>();
                form.getValue().forEach(field -> fields.put(field, value));
                Browser.Page page = admin.post(form.getKey(), fields);
                posts++;
                assertTrue(page.status() < 500, form.getKey() + " answered " + page.status() + " to " + value);
                assertFalse(page.body().contains("<script>alert(1)</script>"), form.getKey() + " echoes markup");
            }
        }
        // the login form last: garbage logins count as failures and would throttle the others
        Browser anonymous = new Browser(server.getURI());
        for (String value : GARBAGE.subList(0, 5)) {
            Browser.Page page = anonymous.postRaw("/login", Map.of("username", value, "password", value, "loginToken", value));
            assertTrue(page.status() < 500, "login answered " + page.status());
            posts++;
        }
        assertTrue(posts > 100);
        assertTrue(fixtures.value("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled").equals("1"),
                "the administrator is still there and enabled");
    }
}

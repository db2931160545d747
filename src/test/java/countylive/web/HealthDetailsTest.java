package countylive.web;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health} tells a load balancer UP or DOWN, and nothing more to anyone but an
 * administrator: the database's name and version and the server's disk are for them.
 */
@MicronautTest(transactional = false)
class HealthDetailsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", "421124");
    }

    @Test
    void onlyAdministratorsSeeTheDetails() {
        assertStatusOnly(health(new Browser(server.getURI())), "anonymous");
        assertStatusOnly(health(new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD)), "coordinator");
        assertStatusOnly(health(new Browser(server.getURI()).login("staff", Fixtures.PASSWORD)), "association");
        String admin = health(new Browser(server.getURI()).login("root", Fixtures.PASSWORD));
        assertTrue(admin.contains("\"status\":\"UP\""), admin);
        assertTrue(admin.contains("\"diskSpace\"") && admin.contains("\"database\""), admin);
    }

    @Test
    void theLivenessAndReadinessChecksShowTheStatusOnlyToo() {
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        for (String path : new String[]{"/health/readiness", "/health/liveness"}) {
            Browser.Page page = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Accept", "application/json"));
            assertEquals(200, page.status(), path + ": " + page.body());
            assertFalse(page.body().contains("details"), path + ": " + page.body());
        }
    }

    private String health(Browser browser) {
        Browser.Page page = browser.send(HttpRequest.newBuilder(server.getURI().resolve("/health"))
                .header("Accept", "application/json"));
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    private static void assertStatusOnly(String body, String who) {
        assertTrue(body.contains("\"status\":\"UP\""), who + ": " + body);
        assertFalse(body.contains("details") || body.contains("jdbc") || body.contains("diskSpace")
                || body.contains("MariaDB") || body.contains("MySQL"), who + " sees details: " + body);
    }
}

package countylive.database;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the database is down, every page that needs it answers within seconds with a 503 page
 * that says so, in the user's language (and, after a form, that what was typed is still in the
 * browser), and /health says DOWN at once; when the database is back, so is the application,
 * with the same login. The application runs here on a MariaDB of its own, which the test stops.
 */
class DatabaseOutageTest {

    /** "Within a few seconds": the pool waits 3 s for a connection. */
    private static final Duration PAGE_LIMIT = Duration.ofSeconds(6);
    private static final Duration HEALTH_LIMIT = Duration.ofMillis(2500);

    static EmbeddedMariaDb database;
    static EmbeddedServer server;
    static Fixtures fixtures;

    @BeforeAll
    static void start() {
        database = EmbeddedMariaDb.launch(Path.of("target", "outage-mariadb").toAbsolutePath(), true);
        server = ApplicationContext.builder()
                .environments("test")
                .properties(Map.of(
                        "datasources.default.url", database.jdbcUrl(DatabaseConfigurer.DATABASE),
                        "datasources.default.username", "root",
                        "datasources.default.password", ""))
                .run(EmbeddedServer.class);
        fixtures = server.getApplicationContext().getBean(Fixtures.class);
        fixtures.clean();
        fixtures.admin("root");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void pagesAndHealthSayTheDatabaseIsDownAtOnceAndRecoverWithIt() throws Exception {
        Browser chinese = browser().login("root", Fixtures.PASSWORD);
        Browser english = browser().language("en").login("root", Fixtures.PASSWORD);
        assertEquals(200, chinese.get("/partners/new").status());
        assertEquals(200, health().status());

        database.stop();
        try {
            Browser.Page list = timed(PAGE_LIMIT, () -> chinese.get("/campaigns"));
            assertUnavailable(list, "数据库暂时不可用，请稍后重试");
            assertFalse(list.body().contains("后退"), "no form was sent");

            Browser.Page form = timed(PAGE_LIMIT, () -> chinese.post("/partners", Map.of("name", "抖音", "kind", "PLATFORM")));
            assertUnavailable(form, "数据库暂时不可用，请稍后重试");
            assertTrue(form.body().contains("您填写的内容仍在浏览器里"), form.body());

            Browser.Page englishForm = timed(PAGE_LIMIT, () -> english.post("/partners", Map.of("name", "Douyin", "kind", "PLATFORM")));
            assertUnavailable(englishForm, "The database is temporarily unavailable, please try again in a few minutes.");
            assertTrue(englishForm.body().contains("What you typed is still in your browser"), englishForm.body());

            Browser.Page signedOut = timed(PAGE_LIMIT, () -> browser().get("/login"));
            assertEquals(200, signedOut.status(), "the login page needs no database");

            Browser.Page down = timed(HEALTH_LIMIT, DatabaseOutageTest::health);
            assertEquals(503, down.status(), down.body());
            assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
        } finally {
            database.restart();
        }

        Browser.Page back = null;
        for (int attempt = 0; attempt < 40 && (back == null || back.status() != 200); attempt++) {
            Thread.sleep(500);
            back = chinese.get("/campaigns");
        }
        assertEquals(200, back.status(), "the same login works again: " + back.body());
        assertEquals(200, health().status());
        assertEquals(303, chinese.post("/partners", Map.of("name", "抖音", "kind", "PLATFORM",
                "submission", java.util.UUID.randomUUID().toString())).status(), "and saves");
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    private static void assertUnavailable(Browser.Page page, String text) {
        assertEquals(503, page.status(), page.body());
        assertTrue(page.body().contains(text), page.body());
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/assets/app.css\">"), "the layout");
        assertTrue(page.body().contains("href=\"/\""), "a way back");
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    private static Browser.Page health() {
        return browser().send(HttpRequest.newBuilder(server.getURI().resolve("/health")).header("Accept", "application/json"));
    }

    private static Browser.Page timed(Duration limit, java.util.function.Supplier<Browser.Page> request) {
        long started = System.nanoTime();
        Browser.Page page = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(limit) <= 0, "answered in " + took.toMillis() + " ms, more than " + limit.toMillis());
        return page;
    }

    private static Browser browser() {
        return new Browser(server.getURI()).timeout(Duration.ofSeconds(15));
    }
}

package countylive.metrics;

import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import countylive.support.Scrape;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /prometheus} is for administrators alone, shows the JVM, HTTP and pool meters, and the
 * application's own counters move with what users do. (The retry counter: LockConflictRetryTest.)
 */
@MicronautTest(transactional = false)
class MetricsEndpointTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private long campaign;
    private long session;
    private long tea;
    private Browser admin;
    private Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        EntryData data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        session = data.session(campaign, YINGSHAN, "2020-04-10");
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @Test
    void refusesThePublicAndEveryoneButAdministrators() {
        Browser.Page anonymous = metrics(new Browser(server.getURI()));
        assertTrue(anonymous.status() == 401 || anonymous.status() == 303, "anonymous: " + anonymous.status());
        assertFalse(anonymous.body().contains("jvm_"), anonymous.body());
        for (Browser other : List.of(coordinator, new Browser(server.getURI()).login("staff", Fixtures.PASSWORD))) {
            Browser.Page page = metrics(other);
            assertEquals(403, page.status(), page.body());
            assertFalse(page.body().contains("jvm_"), page.body());
        }
        Browser.Page shown = metrics(admin);
        assertEquals(200, shown.status(), shown.body());
        assertTrue(shown.header("Content-Type").startsWith("text/plain"), shown.header("Content-Type"));
    }

    @Test
    void showsTheJvmHttpAndPoolMeters() {
        admin.get("/campaigns");
        Scrape scrape = Scrape.of(admin, server.getURI());
        for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
                "http_server_requests_seconds_count", "hikaricp_connections_active", "hikaricp_connections_pending")) {
            assertTrue(scrape.has(name), name + " in\n" + scrape.text());
        }
        assertTrue(scrape.value("http_server_requests_seconds_count", "uri=\"/campaigns\"", "status=\"200\"") >= 1,
                scrape.text());
    }

    @Test
    void aSaveMovesTheLedgerCountersByItsKindAndRows() {
        Scrape before = Scrape.of(admin, server.getURI());
        Browser.Page saved = coordinator.postMulti("/sessions/" + session + "/sales", grid("12", "10", "1200"));
        assertEquals(303, saved.status(), saved.body());
        Scrape after = Scrape.of(admin, server.getURI());

        assertEquals(1, changes(after, "saveSales", "saved") - changes(before, "saveSales", "saved"));
        assertEquals(1, after.value("countylive_ledger_rows_written_total", "change=\"saveSales\"")
                - before.value("countylive_ledger_rows_written_total", "change=\"saveSales\""), "one sale line");
        assertEquals(0, changes(after, "createSession", "saved") - changes(before, "createSession", "saved"),
                "other kinds did not move");
    }

    @Test
    void aRefusedFormCountsItsReason() {
        String reason = "reason=\"input.count\"";
        Scrape before = Scrape.of(admin, server.getURI());
        Browser.Page refused = coordinator.postMulti("/sessions/" + session + "/sales", grid("abc", "10", "1200"));
        assertEquals(422, refused.status(), refused.body());
        Scrape after = Scrape.of(admin, server.getURI());
        assertEquals(1, after.value("countylive_refusals_total") - before.value("countylive_refusals_total"),
                after.text());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals(1, after.value("countylive_refusals_total", reason) - before.value("countylive_refusals_total", reason),
                after.text());
    }

    @Test
    void failedAndThrottledLoginsAreCounted() {
        Scrape before = Scrape.of(admin, server.getURI());
        Browser stranger = new Browser(server.getURI());
        Browser.Page form = stranger.get("/login");
        String token = form.body().replaceAll("(?s).*name=\"loginToken\" value=\"([^\"]*)\".*", "$1");
        Browser.Page failed = stranger.postRaw("/login", Map.of("username", "yingshan", "password", "wrong password",
                "loginToken", token));
        assertEquals(401, failed.status());
        Scrape after = Scrape.of(admin, server.getURI());
        assertEquals(1, after.value("countylive_logins_total", "outcome=\"failed\"")
                - before.value("countylive_logins_total", "outcome=\"failed\""));
        assertTrue(after.has("countylive_logins_total"), after.text());
        assertTrue(after.text().contains("countylive_logins_total{outcome=\"throttled\"}"), "published before any: " + after.text());
    }

    @Test
    void theTimeOfASummaryAndOfAWorkbookIsMeasured() {
        Scrape before = Scrape.of(admin, server.getURI());
        assertEquals(200, admin.get("/campaigns/" + campaign + "/summary").status());
        Browser.Page workbook = admin.send(HttpRequest.newBuilder(server.getURI()
                .resolve("/campaigns/" + campaign + "/summary.xlsx")));
        assertEquals(200, workbook.status());
        String page = "summary=\"campaign\"";
        String xlsx = "summary=\"campaign.xlsx\"";
        Scrape after = Scrape.of(admin, server.getURI());
        // the workbook is written on another thread, which may stop its clock just after the last byte went out
        for (int i = 0; i < 40 && after.value("countylive_summaries_seconds_count", xlsx)
                == before.value("countylive_summaries_seconds_count", xlsx); i++) {
            sleep();
            after = Scrape.of(admin, server.getURI());
        }
        for (String label : List.of(page, xlsx)) {
            assertEquals(1, after.value("countylive_summaries_seconds_count", label)
                    - before.value("countylive_summaries_seconds_count", label), label + "\n" + after.text());
        }
        assertTrue(after.has("countylive_imports_running") && after.has("countylive_imports_waiting"), after.text());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double changes(Scrape scrape, String change, String outcome) {
        return scrape.value("countylive_ledger_changes_seconds_count", "change=\"" + change + "\"",
                "outcome=\"" + outcome + "\"");
    }

    private List<Map.Entry<String, String>> grid(String units, String orders, String gross) {
        return List.of(Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", session)),
                Map.entry("submission", UUID.randomUUID().toString()), Map.entry("product", String.valueOf(tea)),
                Map.entry("units", units), Map.entry("orders", orders), Map.entry("gross", gross),
                Map.entry("refunds", ""));
    }

    private Browser.Page metrics(Browser browser) {
        return browser.send(HttpRequest.newBuilder(server.getURI().resolve("/prometheus")).header("Accept", "text/plain"));
    }
}

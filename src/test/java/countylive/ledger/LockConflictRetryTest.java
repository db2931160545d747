package countylive.ledger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A save that the database rolls back to break a deadlock is run again by the ledger, from the
 * start, and the user sees the normal result page: no "try again" page, nothing lost, nothing twice.
 */
@MicronautTest(transactional = false)
class LockConflictRetryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private final ListAppender<ILoggingEvent> retries = new ListAppender<>();
    private long campaign;
    private long session;
    private long tea;
    private Browser coordinator;
    private Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        EntryData data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        session = data.session(campaign, YINGSHAN, "2020-04-10");
        tea = data.product("英山云雾茶", YINGSHAN, null);
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        fixtures.admin("root");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        retries.start();
        ((Logger) LoggerFactory.getLogger(Retry.class)).addAppender(retries);
    }

    /** Leaves no records behind: the demo loader of a later test class starts on this database. */
    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(Retry.class)).detachAppender(retries);
        fixtures.clean();
    }

    /**
     * Another transaction holds the county's lock; the grid save claims its form token and waits
     * for the lock; the other transaction then wants the same token: a deadlock, in which the
     * database rolls back the smaller transaction, the save. The ledger runs the save again.
     */
    @Test
    void aSaveRolledBackByADeadlockIsRetriedAndTheUserSeesTheSavedGrid() throws Exception {
        Scrape before = Scrape.of(admin, server.getURI());
        String token = UUID.randomUUID().toString();
        String version = fixtures.value("SELECT version FROM live_session WHERE id = ?", session);
        try (Connection other = fixtures.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                // a large transaction (the database rolls back the smaller one) that holds the county's lock
                statement.executeUpdate("UPDATE county SET version = version + 1 WHERE province_code = '420000'");
                statement.executeUpdate("UPDATE campaign_county SET revision = revision + 1 WHERE campaign_id = "
                        + campaign + " AND county_code = '" + YINGSHAN + "'");
            }
            // its own thread: the common pool has a single thread on a two-core machine
            ExecutorService saver = Executors.newSingleThreadExecutor();
            CompletableFuture<Browser.Page> save = CompletableFuture.supplyAsync(() -> coordinator.postMulti(
                    "/sessions/" + session + "/sales", List.of(Map.entry("version", version), Map.entry("submission", token),
                            Map.entry("product", String.valueOf(tea)), Map.entry("units", "12"),
                            Map.entry("orders", "10"), Map.entry("gross", "1200.00"), Map.entry("refunds", ""))), saver);
            saver.shutdown();
            try {
                awaitLockWait(save);
            } catch (AssertionError e) {
                // let the save end before the next test cleans the database
                other.rollback();
                save.get(60, TimeUnit.SECONDS);
                throw e;
            }
            try (PreparedStatement statement = other.prepareStatement(
                    "INSERT INTO form_submission (token, result_path, created_at) VALUES (?, '', NOW(3))")) {
                statement.setString(1, token);
                statement.executeUpdate();
            }
            other.rollback();
            Browser.Page page = save.get(60, TimeUnit.SECONDS);
            assertEquals(303, page.status(), page.body());
            assertEquals("/sessions/" + session + "/sales?flash=saved", page.location());
            // and the page the browser then shows is the saved grid, as after any save
            Browser.Page shown = coordinator.get(page.location());
            assertEquals(200, shown.status(), shown.body());
            assertTrue(shown.body().contains("已保存。"), "the saved notice is shown:\n" + shown.body());
            assertTrue(shown.body().contains("name=\"units\"") && shown.body().contains("value=\"12\""),
                    "the grid shows the saved units:\n" + shown.body());
        }
        assertEquals("12 1200.00", fixtures.value("SELECT CONCAT_WS(' ', units, gross) FROM sale_line WHERE session_id = ?",
                session));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'sale_line'"));
        assertTrue(retries.list.stream().anyMatch(event -> event.getFormattedMessage().contains("retrying")),
                "the retry is logged: " + retries.list);
        assertEquals(RollupRows.rebuilt(fixtures.dataSource()), RollupRows.stored(fixtures.dataSource()));
        Scrape after = Scrape.of(admin, server.getURI());
        String retried = "outcome=\"retried\"";
        assertTrue(after.value("countylive_ledger_conflicts_total", "cause=\"deadlock\"", retried)
                - before.value("countylive_ledger_conflicts_total", "cause=\"deadlock\"", retried) >= 1,
                "the retry is counted, with its cause:\n" + after.text());
        assertEquals(1, after.value("countylive_ledger_changes_seconds_count", "change=\"saveSales\"", "outcome=\"saved\"")
                - before.value("countylive_ledger_changes_seconds_count", "change=\"saveSales\"", "outcome=\"saved\""),
                "and the save once, as saved");
    }

    /** Until the save waits for the county's lock (up to half a minute on a busy machine). */
    private void awaitLockWait(CompletableFuture<Browser.Page> save) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (save.isDone()) {
                throw new AssertionError("the save did not wait for the lock: " + save.get().status() + " "
                        + save.get().body());
            }
            // the statement shows in the process list while it waits (MariaDB's INNODB_TRX does not always list it)
            if (!fixtures.value("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE INFO LIKE 'UPDATE campaign_county SET revision%' AND ID <> CONNECTION_ID()").equals("0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the save never waited for the lock");
    }
}

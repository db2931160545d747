package countylive.integrity;

import countylive.host.Platform;
import countylive.ledger.RollupRows;
import countylive.ledger.SessionDraft;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integrity page: administrators only, the latest results kept with when and by whom they
 * ran, the button that runs them now (with its CSRF token), both languages; and the rollup drift
 * check, with its repair.
 */
@MicronautTest(transactional = false)
class IntegrityPageTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    IntegrityChecks checks;

    private EntryData data;
    private long campaign;
    private long session;
    private Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        long tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        LocalDate day = LocalDate.parse("2020-04-10");
        session = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, YINGSHAN, Platform.DOUYIN,
                day.atTime(19, 0), day.atTime(21, 0), 1000L, null, null, null, Set.of(), Set.of(), null), null);
        data.saleLine(session, tea, 10, 10, "1000.00");
        long household = data.household("4211240001", YINGSHAN, "石秀兰");
        data.link(campaign, household, YINGSHAN, "300.00");
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        fixtures.coordinatorOf("xingshan", XINGSHAN);
        fixtures.admin("root");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @Test
    void onlyAdministratorsSeeAndRunTheChecks() {
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        assertEquals(403, coordinator.get("/integrity").status());
        assertEquals(403, coordinator.post("/integrity/run", Map.of()).status());
        fixtures.association("staff");
        assertEquals(403, new Browser(server.getURI()).login("staff", Fixtures.PASSWORD).get("/integrity").status());
        Browser.Page anonymous = new Browser(server.getURI()).get("/integrity");
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().startsWith("/login"), anonymous.location());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM integrity_check"), "nothing ran");

        admin.get("/integrity");
        Browser.Page forged = admin.postRaw("/integrity/run", Map.of("csrf", "not-the-token"));
        assertEquals(403, forged.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM integrity_check"), "a forged form runs nothing");
        assertTrue(admin.get("/").body().contains("href=\"/integrity\""), "linked from the administrator's navigation");
        assertFalse(coordinator.get("/").body().contains("href=\"/integrity\""), "not from a coordinator's");
    }

    @Test
    void consistentDataTripsNoCheckAndTheResultsStayWithWhenAndWhoRanThem() {
        Browser.Page before = admin.get("/integrity");
        assertEquals(200, before.status());
        assertTrue(before.body().contains("尚未运行。"), before.body());

        CheckPage page = CheckPage.runAs(admin);
        for (IntegrityCheck check : IntegrityChecks.ALL) {
            assertEquals(0, page.found(check.code()), check.code() + ": " + page.section(check.code()));
        }
        assertTrue(page.body().contains("已运行全部完整性检查。"), "confirms");
        assertTrue(page.section("rollupDrift").matches("(?s).*运行于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d（root），用时 \\d+ 毫秒。.*"),
                page.section("rollupDrift"));
        assertEquals(String.valueOf(IntegrityChecks.ALL.size()), fixtures.value("SELECT COUNT(*) FROM integrity_check"));

        // the nightly job's run replaces them, and says so
        checks.runAll("scheduled");
        Browser.Page later = admin.get("/integrity");
        assertTrue(later.body().contains("（每晚自动运行）"), later.body());
        Browser.Page english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD).get("/integrity");
        assertTrue(english.body().contains("Integrity checks") && english.body().contains("(the nightly run)")
                && english.body().contains("Summary rows that differ from the entries"), english.body());
    }

    @Test
    void rollupRowsThatDriftFromTheEntriesAreErrorsWithTheirRepair() {
        assertEquals(0, CheckPage.runAs(admin).found("rollupDrift"));

        // changed outside the application: one row altered, one row gone
        fixtures.execute("UPDATE session_sales SET units = units + 1 WHERE session_id = ?", session);
        fixtures.execute("DELETE FROM county_people WHERE campaign_id = ?", campaign);
        fixtures.execute("UPDATE county_sales SET gross = gross + 0.01 WHERE campaign_id = ?", campaign);
        assertNotEquals(RollupRows.rebuilt(fixtures.dataSource()), RollupRows.stored(fixtures.dataSource()));
        CheckPage page = CheckPage.runAs(admin);
        assertEquals(3, page.found("rollupDrift"));
        String section = page.section("rollupDrift");
        assertTrue(section.contains("data-severity=\"ERROR\""), section);
        assertTrue(section.contains("汇总表 session_sales，活动 " + campaign + "，行 " + session + "：数字与按明细重新计算的不同"), section);
        assertTrue(section.contains("汇总表 county_people，活动 " + campaign + "，行 " + campaign + " " + YINGSHAN
                + "：按明细应有此行，但汇总表中没有"), section);
        assertTrue(section.contains("汇总表 county_sales，活动 " + campaign + "，行 " + campaign + " " + YINGSHAN
                + "：数字与按明细重新计算的不同"), "a fen off in a county's total: " + section);
        assertTrue(section.contains("href=\"/campaigns/" + campaign + "/summary\""), section);
        String repair = "/campaigns/" + campaign + "/summary/rebuild";
        assertTrue(section.contains("action=\"" + repair + "\""), "the repair is offered: " + section);

        Browser.Page repaired = admin.post(repair, Map.of());
        assertEquals(303, repaired.status(), repaired.body());
        assertEquals(RollupRows.rebuilt(fixtures.dataSource()), RollupRows.stored(fixtures.dataSource()));
        assertEquals(0, CheckPage.runAs(admin).found("rollupDrift"));
    }

    @Test
    void aCampaignNotChangedInTheLastDayIsNotCompared() {
        fixtures.execute("UPDATE audit_event SET occurred_at = NOW() - INTERVAL 2 DAY");
        fixtures.execute("UPDATE campaign SET updated_at = NOW() - INTERVAL 2 DAY");
        fixtures.execute("UPDATE session_sales SET units = units + 1 WHERE session_id = ?", session);
        assertEquals(0, CheckPage.runAs(admin).found("rollupDrift"), "only the last day's campaigns are compared");

        fixtures.execute("UPDATE audit_event SET occurred_at = NOW() WHERE entity_type = 'sale_line'");
        assertEquals(1, CheckPage.runAs(admin).found("rollupDrift"), "a change today brings the campaign in");
    }
}

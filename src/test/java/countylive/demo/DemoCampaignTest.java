package countylive.demo;

import countylive.ledger.RollupRows;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo campaigns reproduce the published totals exactly, and say they are illustrative. */
@MicronautTest(transactional = false)
@Property(name = "countylive.demo", value = "true")
class DemoCampaignTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    DemoData demo;

    Browser staff;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        assertTrue(demo.load(), "made the demo campaigns");
        fixtures.association("staff");
        staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    /** The demo goes through the ledger like anyone: audited record by record, its rollups exact, then closed. */
    @Test
    void theDemoIsWrittenThroughTheLedger() {
        assertEquals(RollupRows.rebuilt(fixtures.dataSource()), RollupRows.stored(fixtures.dataSource()));
        assertEquals(fixtures.value("SELECT COUNT(*) FROM sale_line"), fixtures.value(
                "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'sale_line' AND action = 'CREATE'"
                        + " AND username = 'demo' AND user_id IS NULL AND scope_type = 'live_session'"));
        assertEquals(fixtures.value("SELECT COUNT(*) FROM beneficiary_link"), fixtures.value(
                "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'beneficiary_link' AND username = 'demo'"));
        assertEquals("CLOSED CLOSED ACTIVE", String.join(" ", fixtures.column("SELECT status FROM campaign ORDER BY id")));
    }

    private String summary(String name) {
        String id = fixtures.value("SELECT id FROM campaign WHERE name = ?", name);
        Browser.Page page = staff.get("/campaigns/" + id + "/summary");
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    @Test
    void teaCampaignShowsThePublishedTotals() {
        String body = summary(DemoData.teaCampaignName());
        assertEquals("529,000", figure(body, "units"));
        assertEquals("¥40,410,000.00", figure(body, "gross"));
        assertTrue(body.contains("4,041.00万元"));
        assertEquals("10,731", figure(body, "people"));
        assertEquals("31", figure(body, "officials"));
        assertEquals("27", figure(body, "hosts"));
        assertEquals("31 个，其中国家级贫困县 31 个", figure(body, "counties"));
        long views = Long.parseLong(figure(body, "views").replace(",", ""));
        assertTrue(views > 4_500_000 && views < 4_600_000, "views " + views);
        assertTrue(body.contains("中国茶叶流通协会") && body.contains("中国茶叶学会") && body.contains("抖音"));
        assertTrue(body.contains("演示数据：总数取自公开报道"), "says the detail is invented");
        assertTrue(body.contains("class=\"demo-banner\""), "the layout's banner");
        assertTrue(Integer.parseInt(fixtures.value("SELECT COUNT(*) FROM beneficiary_link b JOIN campaign c"
                + " ON c.id = b.campaign_id WHERE c.name = ?", DemoData.teaCampaignName()))
                > Integer.parseInt(figure(body, "households").replace(",", "")), "some households are linked twice and count once");
    }

    @Test
    void teaCampaignInEnglishReadsInMillions() {
        String id = fixtures.value("SELECT id FROM campaign WHERE name = ?", DemoData.teaCampaignName());
        String body = staff.language("en").get("/campaigns/" + id + "/summary").body();
        assertTrue(body.contains("¥40.41 million"), "large sum in English");
        assertEquals("¥40,410,000.00", figure(body, "gross"));
    }

    @Test
    void hubeiCampaignShowsItsOneDay() {
        String body = summary(DemoData.hubeiCampaignName());
        assertEquals("299,000", figure(body, "units"));
        assertEquals("¥17,930,000.00", figure(body, "gross"));
        assertTrue(body.contains("1,793.00万元"));
    }

    @Test
    void coordinatorOfYingshanSeesTheTeaCampaignWithTheirRowHighlighted() {
        fixtures.coordinatorOf("yingshan", "421124");
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        String id = fixtures.value("SELECT id FROM campaign WHERE name = ?", DemoData.teaCampaignName());
        Browser.Page page = coordinator.get("/campaigns/" + id + "/summary");
        assertEquals(200, page.status());
        assertTrue(Pattern.compile("<tr[^>]*class=\"mine\"[^>]*data-county=\"421124\"|<tr[^>]*data-county=\"421124\"[^>]*class=\"mine\"")
                .matcher(page.body()).find());
    }

    /** A newcomer logged in as the demo coordinator finds work: a campaign running now, in every state. */
    @Test
    void theRunningCampaignHasSessionsInEveryStateOfEntry() {
        String id = fixtures.value("SELECT id FROM campaign WHERE name = ?", DemoData.runningCampaignName());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM campaign WHERE id = ? AND status = 'ACTIVE'"
                + " AND starts_on < CURDATE() AND ends_on > CURDATE()", id), "dated around today");
        assertEquals("OPEN OPEN", String.join(" ", fixtures.column(
                "SELECT sign_off FROM campaign_county WHERE campaign_id = ? ORDER BY county_code", id)));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session s WHERE s.campaign_id = ? AND s.county_code = '421124'"
                + " AND NOT EXISTS (SELECT 1 FROM sale_line l WHERE l.session_id = s.id)", id), "one awaits its sales");
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session WHERE campaign_id = ? AND county_code = '421124'"
                + " AND views IS NULL", id), "one awaits its audience figures");
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM live_session s WHERE s.campaign_id = ? AND s.county_code = '421124'"
                + " AND views IS NOT NULL AND EXISTS (SELECT 1 FROM sale_line l WHERE l.session_id = s.id)", id), "complete");
        assertEquals(fixtures.value("SELECT COUNT(*) FROM live_session WHERE campaign_id = ?", id), fixtures.value(
                "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'live_session' AND action = 'CREATE' AND username = 'demo'"
                        + " AND entity_id IN (SELECT id FROM live_session WHERE campaign_id = ?)", id), "through the ledger");

        fixtures.coordinatorOf("yingshan", "421124");
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        String waiting = fixtures.value("SELECT s.id FROM live_session s WHERE s.campaign_id = ? AND s.county_code = '421124'"
                + " AND NOT EXISTS (SELECT 1 FROM sale_line l WHERE l.session_id = s.id)", id);
        Browser.Page grid = coordinator.get("/sessions/" + waiting + "/sales");
        assertEquals(200, grid.status());
        assertTrue(grid.body().contains("class=\"sales-grid\"") && grid.body().contains("name=\"units\""), "a grid to fill in");
    }

    @Test
    void loadingAgainChangesNothing() {
        String lines = fixtures.value("SELECT COUNT(*) FROM sale_line");
        assertFalse(demo.load());
        assertEquals(lines, fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void theDemoIsNotLoadedIntoADatabaseThatHasItsOwnProducts() {
        fixtures.clean();
        fixtures.execute("INSERT INTO product (name, category, unit, county_code, created_at, updated_at)"
                + " VALUES ('英山云雾茶', '茶叶', '盒', '421124', NOW(), NOW())");
        assertFalse(demo.load(), "a product of the same name would clash with the demo's");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign"));
    }

    private static String figure(String body, String name) {
        Matcher m = Pattern.compile("id=\"fig-" + name + "\"[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(body);
        assertTrue(m.find(), "figure " + name);
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}

package countylive.summary;

import countylive.ledger.RollupRows;
import countylive.support.SheetFill;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import countylive.web.Figures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rollups stay in step with their sources through every way a user changes them: after a grid
 * save, an import, a session's date, audience, host and official changes, a session's deletion,
 * and a beneficiary link's and a household's changes, every rollup row equals what a rebuild from
 * scratch computes, and the summary's figures equal a direct aggregation of sale_line.
 */
@MicronautTest(transactional = false)
class RollupConsistencyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    SummaryQueries queries;
    @Inject
    OverviewQueries overview;
    @Inject
    Figures figures;

    EntryData data;
    long campaign;
    long first;
    long second;
    long other;
    long tea;
    long honey;
    long xingshanTea;
    long chief;
    long host;
    Browser coordinator;
    Browser staff;

    /** Leaves no records behind: the demo loader of a later test class starts on this database. */
    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        host = data.host("李佳", "lijia");
        first = data.session(campaign, YINGSHAN, "2020-04-10", host);
        second = data.session(campaign, YINGSHAN, "2020-04-12", host);
        other = data.session(campaign, XINGSHAN, "2020-04-12", host);
        tea = data.product("英山云雾茶", YINGSHAN, null);
        honey = data.product("英山蜂蜜", YINGSHAN, null);
        xingshanTea = data.product("兴山白茶", XINGSHAN, null);
        chief = data.official("王县长", "县长", YINGSHAN);
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        fixtures.coordinatorOf("xingshan", XINGSHAN);
        fixtures.association("staff");
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
    }

    @Test
    void gridSavesImportsDateChangesAndDeletionsKeepTheSummaryEqualToTheSaleLines() throws Exception {
        assertInStep("nothing sold");

        // grid: two new lines, then one changed and one cleared, and a line sold on behalf elsewhere
        assertEquals(303, saveGrid(first, row(tea, "10", "8", "1000.00", ""), row(honey, "5", "5", "500.00", "50")).status());
        assertInStep("after the first grid save");
        assertEquals(303, saveGrid(first, row(tea, "12", "9", "1,250.50", "10"), row(honey, "", "", "", "")).status());
        assertInStep("after a line was changed and one cleared");
        Browser xingshan = new Browser(server.getURI()).login("xingshan", Fixtures.PASSWORD);
        assertEquals(303, saveGrid(xingshan, other, row(xingshanTea, "3", "3", "300.00", "")).status());
        assertInStep("after the other county's grid save");

        // import: a new line for the second session and a changed one for the first
        byte[] file = filled(new Object[] {second + " · 2020-04-12", tea + " · 英山云雾茶", 100, 90, 9999.5, 0},
                new Object[] {first + " · 2020-04-10", honey + " · 英山蜂蜜", 20, 20, "1,000.00", "100"});
        Browser.Page imported = upload(file);
        assertEquals(200, imported.status(), imported.body());
        assertTrue(imported.body().contains("已导入 2 条销售记录"), imported.body());
        assertInStep("after the import");

        // the second session moves to another day: its lines follow it, so must the rollups
        String version = fixtures.value("SELECT version FROM live_session WHERE id = ?", second);
        Browser.Page moved = coordinator.postMulti("/sessions/" + second, sessionForm(version, "2020-04-15"));
        assertEquals(303, moved.status(), moved.body());
        assertEquals("2020-04-15", fixtures.value("SELECT DISTINCT live_date FROM sale_line WHERE session_id = ?", second));
        assertEquals("2020-04-15", fixtures.value("SELECT live_date FROM session_sales WHERE session_id = ?", second));
        assertInStep("after the date change");
        assertTrue(queries.byDay(whole()).stream().anyMatch(d -> d.day().toString().equals("2020-04-15")
                && d.gross().compareTo(new BigDecimal("9999.50")) == 0), "the day follows the session");

        // audience, hosts and officials of a session with sales change: the day, host and official rollups follow
        version = fixtures.value("SELECT version FROM live_session WHERE id = ?", first);
        List<Map.Entry<String, String>> audience = new ArrayList<>(sessionForm(version, "2020-04-10"));
        audience.removeIf(field -> field.getKey().equals("views"));
        audience.addAll(List.of(Map.entry("views", "12000"), Map.entry("peakViewers", "900"),
                Map.entry("officials", String.valueOf(chief))));
        Browser.Page watched = coordinator.postMulti("/sessions/" + first, audience);
        assertEquals(303, watched.status(), watched.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session_host WHERE session_id = ?", first));
        assertInStep("after audience, host and official changes");
        assertEquals(12000L, queries.headline(whole()).views());

        // a household linked twice counts once; its members change; a link goes
        long household = data.household("4211240009", YINGSHAN, "张三");
        Browser.Page linked = coordinator.post("/households/" + household + "/links", Map.of("campaign",
                String.valueOf(campaign), "product", String.valueOf(tea), "income", "100",
                "submission", UUID.randomUUID().toString()));
        assertEquals(303, linked.status(), linked.body());
        assertEquals(303, coordinator.post("/households/" + household + "/links", Map.of("campaign",
                String.valueOf(campaign), "product", String.valueOf(honey), "income", "50",
                "submission", UUID.randomUUID().toString())).status());
        assertInStep("after two links of one household");
        assertEquals(4L, queries.headline(whole()).people());
        Browser.Page grown = coordinator.post("/households/" + household, Map.of("registrationNo", "4211240009",
                "county", YINGSHAN, "village", "石镇村", "headName", "张三", "members", "6",
                "version", fixtures.value("SELECT version FROM household WHERE id = ?", household)));
        assertEquals(303, grown.status(), grown.body());
        assertInStep("after the household grew");
        assertEquals(6L, queries.headline(whole()).people());
        String link = fixtures.value("SELECT MIN(id) FROM beneficiary_link WHERE household_id = ?", household);
        assertEquals(303, coordinator.post("/beneficiary-links/" + link + "/delete", Map.of()).status());
        assertInStep("after one link went");
        assertEquals(6L, queries.headline(whole()).people());
        // its last link goes: the household no longer counts in its county's reach across campaigns
        long reach = Long.parseLong(fixtures.value("SELECT people FROM county_reach WHERE county_code = ?", YINGSHAN));
        String last = fixtures.value("SELECT MIN(id) FROM beneficiary_link WHERE household_id = ?", household);
        assertEquals(303, coordinator.post("/beneficiary-links/" + last + "/delete", Map.of()).status());
        assertInStep("after the household's last link went");
        assertEquals(String.valueOf(reach - 6), fixtures.value("SELECT COALESCE(SUM(people), 0) FROM county_reach"
                + " WHERE county_code = ?", YINGSHAN));

        // a session with sales cannot be deleted; once its lines are cleared it can, and goes from the rollups
        assertEquals(409, coordinator.post("/sessions/" + second + "/delete", Map.of()).status());
        assertInStep("after a refused deletion");
        assertEquals(303, saveGrid(second, row(tea, "", "", "", "")).status());
        assertEquals(303, coordinator.post("/sessions/" + second + "/delete", Map.of()).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session WHERE id = ?", second));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM session_sales WHERE session_id = ?", second));
        assertInStep("after the deletion");

        // and the page shows the same total
        Browser.Page page = staff.get("/campaigns/" + campaign + "/summary");
        assertEquals(200, page.status());
        assertTrue(page.body().contains(figures.money(new BigDecimal(
                fixtures.value("SELECT SUM(gross) FROM sale_line WHERE campaign_id = ?", campaign)))), page.body());
    }

    /**
     * The ways a change can carry rows to other rollup keys: a session made through the form, a
     * session moved to another county, a link moved to another campaign, and a linked household
     * that may not move to another county (the campaign's people figure counts it where it was
     * linked, docs/summaries.md).
     */
    @Test
    void sessionsMadeOrMovedLinksMovedAndHouseholdsMovedKeepTheRollupsExact() {
        fixtures.admin("boss");
        Browser admin = new Browser(server.getURI()).login("boss", Fixtures.PASSWORD);
        assertEquals(303, saveGrid(first, row(tea, "10", "8", "1000.00", "")).status());

        // a session made through the form, with a host, an official and audience figures
        List<Map.Entry<String, String>> created = new ArrayList<>(sessionForm("", "2020-04-20"));
        created.removeIf(field -> field.getKey().equals("views") || field.getKey().equals("version"));
        created.addAll(List.of(Map.entry("views", "3000"), Map.entry("peakViewers", "120"),
                Map.entry("hosts", String.valueOf(host)), Map.entry("officials", String.valueOf(chief)),
                Map.entry("submission", UUID.randomUUID().toString())));
        Browser.Page made = coordinator.postMulti("/campaigns/" + campaign + "/sessions", created);
        assertEquals(303, made.status(), made.body());
        long third = Long.parseLong(made.location().replaceAll("\\D+(\\d+).*", "$1"));
        assertInStep("after a session was made through the form");
        assertEquals(3000L, queries.headline(whole()).views());

        // a session without sales moves to the other county: its day, host and people rows move with it
        List<Map.Entry<String, String>> moving = new ArrayList<>(List.of(Map.entry("county", XINGSHAN),
                Map.entry("platform", "DOUYIN"), Map.entry("date", "2020-04-20"), Map.entry("start", "19:00"),
                Map.entry("end", "21:00"), Map.entry("views", "3000"), Map.entry("hosts", String.valueOf(host)),
                Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", third))));
        Browser.Page moved = admin.postMulti("/sessions/" + third, moving);
        assertEquals(303, moved.status(), moved.body());
        assertEquals(XINGSHAN, fixtures.value("SELECT county_code FROM live_session WHERE id = ?", third));
        assertInStep("after a session moved to another county");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM county_day_sales WHERE campaign_id = ? AND county_code = ?"
                + " AND live_date = '2020-04-20'", campaign, YINGSHAN), "the old county's day is gone");

        // a session with sales keeps its county: refused, nothing changes
        Map<String, List<String>> before = rollups();
        List<Map.Entry<String, String>> refused = new ArrayList<>(moving);
        refused.removeIf(field -> field.getKey().equals("version") || field.getKey().equals("date"));
        refused.addAll(List.of(Map.entry("date", "2020-04-10"),
                Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", first))));
        Browser.Page kept = admin.postMulti("/sessions/" + first, refused);
        assertEquals(422, kept.status(), kept.body());
        assertTrue(kept.body().contains("已有销售记录"), kept.body());
        assertEquals(YINGSHAN, fixtures.value("SELECT county_code FROM live_session WHERE id = ?", first));
        assertEquals(before, rollups(), "a refused move changes no rollup");

        // a link moves to another campaign of the household's county: both campaigns' people follow
        long summer = data.campaign("夏茶专场", "2020-06-01", "2020-06-30", "ACTIVE");
        data.county(summer, YINGSHAN);
        long household = data.household("4211240077", YINGSHAN, "李四", 5);
        long link = data.link(campaign, household, YINGSHAN, "100");
        assertInStep("after a link");
        Browser.Page relinked = coordinator.post("/beneficiary-links/" + link, Map.of("campaign", String.valueOf(summer),
                "product", "", "income", "120",
                "version", fixtures.value("SELECT version FROM beneficiary_link WHERE id = ?", link)));
        assertEquals(303, relinked.status(), relinked.body());
        assertInStep("after a link moved to another campaign");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM county_people WHERE campaign_id = ?", campaign));
        assertEquals("1 5", fixtures.value("SELECT CONCAT_WS(' ', households, people) FROM county_people"
                + " WHERE campaign_id = ?", summer));

        // a linked household keeps its county: refused, nothing changes; unlinked, it may move
        before = rollups();
        Map<String, String> household2 = Map.of("registrationNo", "4211240077", "county", XINGSHAN, "village", "石镇村",
                "headName", "李四", "members", "5",
                "version", fixtures.value("SELECT version FROM household WHERE id = ?", household));
        Browser.Page stays = admin.post("/households/" + household, household2);
        assertEquals(422, stays.status(), stays.body());
        assertEquals(YINGSHAN, fixtures.value("SELECT county_code FROM household WHERE id = ?", household));
        assertEquals(before, rollups(), "a refused move changes no rollup");
        assertEquals(303, coordinator.post("/beneficiary-links/" + link + "/delete", Map.of()).status());
        Map<String, String> unlinked = new java.util.HashMap<>(household2);
        unlinked.put("version", fixtures.value("SELECT version FROM household WHERE id = ?", household));
        assertEquals(303, admin.post("/households/" + household, unlinked).status());
        assertEquals(XINGSHAN, fixtures.value("SELECT county_code FROM household WHERE id = ?", household));
        assertInStep("after the unlinked household moved");
    }

    /** Every rollup row equals a rebuild's, and every sales figure of the summary a direct aggregation. */
    private void assertInStep(String when) {
        assertEquals(rebuilt(), rollups(), "rollups " + when);
        assertEquals(fixtures.column("SELECT CONCAT_WS(' ', session_id, campaign_id, county_code, live_date, COUNT(*),"
                        + " SUM(units), SUM(orders), SUM(gross), SUM(refunds)) FROM sale_line"
                        + " GROUP BY session_id, campaign_id, county_code, live_date ORDER BY session_id"),
                fixtures.column("SELECT CONCAT_WS(' ', session_id, campaign_id, county_code, live_date, line_count,"
                        + " units, orders, gross, refunds) FROM session_sales ORDER BY session_id"),
                "session_sales " + when);
        assertEquals(fixtures.column("SELECT CONCAT_WS(' ', campaign_id, product_id, county_code, COUNT(*),"
                        + " SUM(units), SUM(orders), SUM(gross), SUM(refunds)) FROM sale_line"
                        + " GROUP BY campaign_id, product_id, county_code ORDER BY campaign_id, product_id, county_code"),
                fixtures.column("SELECT CONCAT_WS(' ', campaign_id, product_id, county_code, line_count,"
                        + " units, orders, gross, refunds) FROM product_sales ORDER BY campaign_id, product_id, county_code"),
                "product_sales " + when);

        // every other rollup against sums written here, not by the application's own rebuild
        String lineSums = "(SELECT session_id, SUM(units) AS units, SUM(orders) AS orders, SUM(gross) AS gross,"
                + " SUM(refunds) AS refunds FROM sale_line GROUP BY session_id)";
        assertSameRows("SELECT CONCAT_WS(' ', s.campaign_id, s.county_code, s.live_date, COUNT(*),"
                        + " SUM(TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at)), COALESCE(SUM(s.views), '-'), COUNT(s.views),"
                        + " COALESCE(MAX(s.peak_viewers), '-'), COALESCE(SUM(l.units), 0), COALESCE(SUM(l.orders), 0),"
                        + " COALESCE(SUM(l.gross), 0.00), COALESCE(SUM(l.refunds), 0.00),"
                        + " COALESCE(SUM(CASE WHEN s.views IS NOT NULL THEN l.gross END), 0.00))"
                        + " FROM live_session s LEFT JOIN " + lineSums + " l ON l.session_id = s.id"
                        + " GROUP BY s.campaign_id, s.county_code, s.live_date",
                "SELECT CONCAT_WS(' ', campaign_id, county_code, live_date, sessions, live_seconds, COALESCE(views, '-'),"
                        + " sessions_with_views, COALESCE(peak_viewers, '-'), units, orders, gross, refunds,"
                        + " gross_with_views) FROM county_day_sales", "county_day_sales " + when);
        for (String person : List.of("host", "official")) {
            assertSameRows("SELECT CONCAT_WS(' ', s.campaign_id, p." + person + "_id, s.county_code, COUNT(*),"
                            + " COALESCE(SUM(l.units), 0), COALESCE(SUM(l.gross), 0.00), COALESCE(SUM(l.refunds), 0.00),"
                            + " COALESCE(SUM(s.views), '-')) FROM live_session_" + person + " p"
                            + " JOIN live_session s ON s.id = p.session_id LEFT JOIN " + lineSums + " l ON l.session_id = s.id"
                            + " GROUP BY s.campaign_id, p." + person + "_id, s.county_code",
                    "SELECT CONCAT_WS(' ', campaign_id, " + person + "_id, county_code, sessions, units, gross, refunds,"
                            + " COALESCE(views, '-')) FROM " + person + "_sales", person + "_sales " + when);
            assertSameRows("SELECT CONCAT_WS(' ', s.campaign_id, s.live_date, s.county_code, p." + person + "_id,"
                            + " COUNT(*), COALESCE(SUM(l.units), 0), COALESCE(SUM(l.gross), 0.00),"
                            + " COALESCE(SUM(l.refunds), 0.00), COALESCE(SUM(s.views), '-')) FROM live_session_" + person
                            + " p JOIN live_session s ON s.id = p.session_id LEFT JOIN " + lineSums
                            + " l ON l.session_id = s.id GROUP BY s.campaign_id, s.live_date, s.county_code, p."
                            + person + "_id",
                    "SELECT CONCAT_WS(' ', campaign_id, live_date, county_code, " + person + "_id, sessions, units, gross,"
                            + " refunds, COALESCE(views, '-')) FROM " + person + "_day_sales", person + "_day_sales " + when);
        }
        assertSameRows("SELECT CONCAT_WS(' ', campaign_id, live_date, county_code, product_id, COUNT(*), SUM(units),"
                        + " SUM(orders), SUM(gross), SUM(refunds)) FROM sale_line"
                        + " GROUP BY campaign_id, live_date, county_code, product_id",
                "SELECT CONCAT_WS(' ', campaign_id, live_date, county_code, product_id, line_count, units, orders, gross,"
                        + " refunds) FROM product_day_sales", "product_day_sales " + when);
        assertSameRows("SELECT CONCAT_WS(' ', campaign_id, DATE_SUB(live_date, INTERVAL WEEKDAY(live_date) DAY), county_code,"
                        + " product_id, COUNT(*), SUM(units), SUM(orders), SUM(gross), SUM(refunds)) FROM sale_line"
                        + " GROUP BY campaign_id, DATE_SUB(live_date, INTERVAL WEEKDAY(live_date) DAY), county_code, product_id",
                "SELECT CONCAT_WS(' ', campaign_id, week_start, county_code, product_id, line_count, units, orders, gross,"
                        + " refunds) FROM product_week_sales", "product_week_sales " + when);
        assertSameRows("SELECT CONCAT_WS(' ', b.campaign_id, h.county_code, COUNT(*), SUM(h.members))"
                        + " FROM (SELECT DISTINCT campaign_id, household_id FROM beneficiary_link) b"
                        + " JOIN household h ON h.id = b.household_id GROUP BY b.campaign_id, h.county_code",
                "SELECT CONCAT_WS(' ', campaign_id, county_code, households, people) FROM county_people",
                "county_people " + when);

        SummaryFilter filter = whole();
        Headline headline = queries.headline(filter);
        assertEquals(direct("SELECT CONCAT_WS(' ', COALESCE(SUM(units), 0), COALESCE(SUM(orders), 0),"
                        + " COALESCE(SUM(gross), 0.00), COALESCE(SUM(refunds), 0.00)) FROM sale_line WHERE campaign_id = ?"),
                String.join(" ", String.valueOf(headline.units()), String.valueOf(headline.orders()),
                        headline.gross().toPlainString(), headline.refunds().toPlainString()),
                "headline " + when);
        for (Rows.County county : queries.byCounty(filter)) {
            assertEquals(direct("SELECT COALESCE(SUM(gross), 0.00) FROM sale_line WHERE campaign_id = ? AND county_code = ?",
                    county.code()), county.gross().toPlainString(), "county " + county.code() + " " + when);
        }
        for (Rows.Day day : queries.byDay(filter)) {
            assertEquals(direct("SELECT CONCAT_WS(' ', COALESCE(SUM(units), 0), COALESCE(SUM(gross), 0.00))"
                            + " FROM sale_line WHERE campaign_id = ? AND live_date = ?", day.day()),
                    day.units() + " " + day.gross().toPlainString(), "day " + day.day() + " " + when);
        }
        for (Rows.Session session : queries.sessions(filter)) {
            assertEquals(direct("SELECT COALESCE(SUM(gross), 0.00) FROM sale_line WHERE campaign_id = ? AND session_id = ?",
                    session.id()), session.gross().toPlainString(), "session " + session.id() + " " + when);
        }
        for (Rows.Person host : queries.byHost(filter)) {
            assertEquals(direct("SELECT COALESCE(SUM(l.gross), 0.00) FROM sale_line l JOIN live_session_host h"
                            + " ON h.session_id = l.session_id WHERE l.campaign_id = ? AND h.host_id = ?", host.id()),
                    host.gross().toPlainString(), "host " + when);
        }
        List<String> products = queries.byProduct(filter, Integer.MAX_VALUE).rows().stream()
                .map(p -> p.id() + " " + p.sessions() + " " + p.units() + " " + p.gross().toPlainString())
                .sorted().toList();
        assertEquals(fixtures.column("SELECT CONCAT_WS(' ', product_id, COUNT(*), SUM(units), SUM(gross)) FROM sale_line"
                + " WHERE campaign_id = ? GROUP BY product_id", campaign).stream().sorted().toList(), products,
                "products " + when);
        assertEquals(products.size(), queries.byProduct(filter, 1).count(), "product count " + when);
        // the same products by the date-range path, which still reads sale_line
        SummaryFilter dated = new SummaryFilter(campaign, filter.from(), filter.to().minusDays(1), null,
                filter.from(), filter.to());
        assertEquals(fixtures.column("SELECT CONCAT_WS(' ', product_id, COUNT(*), SUM(units), SUM(gross)) FROM sale_line"
                        + " WHERE campaign_id = ? GROUP BY product_id", campaign).stream().sorted().toList(),
                queries.byProduct(dated, Integer.MAX_VALUE).rows().stream()
                        .map(p -> p.id() + " " + p.sessions() + " " + p.units() + " " + p.gross().toPlainString())
                        .sorted().toList(), "products in a date range " + when);
        Rows.ProvinceTotal national = overview.national(false);
        assertEquals(direct("SELECT COALESCE(SUM(gross), 0.00) FROM sale_line WHERE campaign_id = ?"),
                national.gross().toPlainString(), "overview " + when);
    }

    /**
     * Three coordinators save at the same moment, round after round: two grids of one county, which
     * recompute the same host and product rows, and one of another county whose session shares the
     * host. Each writer takes its county's lock first and recomputes without locking its sources,
     * so every save succeeds (no deadlock, no error page) and the rollups end exactly as a rebuild
     * computes them.
     */
    @Test
    void simultaneousSavesBothInOneCountyAndAcrossCountiesAllLandAndKeepTheRollupsExact() throws Exception {
        Browser again = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        Browser xingshan = new Browser(server.getURI()).login("xingshan", Fixtures.PASSWORD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int round = 1; round <= 8; round++) {
                String units = String.valueOf(round);
                var firstForm = gridForm(first, row(tea, units, units, round + "00.00", ""),
                        row(honey, units, "1", "10.00", ""));
                var secondForm = gridForm(second, row(tea, units + "0", units, round + "50.00", ""));
                var otherForm = gridForm(other, row(xingshanTea, units, units, round + "20.00", ""));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
                List<java.util.concurrent.Future<Browser.Page>> saves = List.of(
                        pool.submit(() -> {
                            together.await();
                            return coordinator.postMulti("/sessions/" + first + "/sales", firstForm);
                        }),
                        pool.submit(() -> {
                            together.await();
                            return again.postMulti("/sessions/" + second + "/sales", secondForm);
                        }),
                        pool.submit(() -> {
                            together.await();
                            return xingshan.postMulti("/sessions/" + other + "/sales", otherForm);
                        }));
                for (var save : saves) {
                    assertEquals(303, save.get().status(), "round " + round + ": " + save.get().body());
                }
                assertInStep("after simultaneous saves, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rollups changed behind the application's back are recomputed by an administrator from the summary page. */
    @Test
    void anAdministratorRecomputesRollupsThatWereChangedByHand() {
        assertEquals(303, saveGrid(first, row(tea, "10", "8", "1000.00", "")).status());
        fixtures.execute("UPDATE county_day_sales SET gross = gross + 5 WHERE campaign_id = ? AND live_date = '2020-04-10'",
                campaign);
        // the headline reads the county totals (county_sales), the day table the days
        fixtures.execute("UPDATE county_sales SET gross = gross + 5 WHERE campaign_id = ? ORDER BY county_code LIMIT 1",
                campaign);
        fixtures.execute("DELETE FROM host_sales WHERE campaign_id = ?", campaign);
        assertEquals(new BigDecimal("1005.00"), queries.headline(whole()).gross(), "the damage shows");

        fixtures.admin("boss");
        Browser admin = new Browser(server.getURI()).login("boss", Fixtures.PASSWORD);
        Browser.Page summary = admin.get("/campaigns/" + campaign + "/summary");
        assertTrue(summary.body().contains("/campaigns/" + campaign + "/summary/rebuild"), "the admin sees the button");
        assertFalse(staff.get("/campaigns/" + campaign + "/summary").body().contains("/summary/rebuild"),
                "association staff do not");
        Browser.Page done = admin.post("/campaigns/" + campaign + "/summary/rebuild", Map.of());
        assertEquals(303, done.status(), done.body());
        assertTrue(admin.get(done.header("Location")).body().contains("汇总已按明细重新计算"));
        assertInStep("after the recompute");
        assertEquals(new BigDecimal("1000.00"), queries.headline(whole()).gross());
    }

    private void assertSameRows(String direct, String rollup, String what) {
        assertEquals(fixtures.column(direct).stream().sorted().toList(), fixtures.column(rollup).stream().sorted().toList(),
                what);
    }

    private Map<String, List<String>> rollups() {
        return RollupRows.stored(fixtures.dataSource());
    }

    private Map<String, List<String>> rebuilt() {
        return RollupRows.rebuilt(fixtures.dataSource());
    }

    private String direct(String sql, Object... more) {
        Object[] parameters = new Object[more.length + 1];
        parameters[0] = campaign;
        System.arraycopy(more, 0, parameters, 1, more.length);
        return fixtures.value(sql, parameters);
    }

    private SummaryFilter whole() {
        return SummaryFilter.whole(campaign, java.time.LocalDate.of(2020, 4, 2), java.time.LocalDate.of(2020, 5, 24));
    }

    @SafeVarargs
    private Browser.Page saveGrid(long session, List<Map.Entry<String, String>>... rows) {
        return saveGrid(coordinator, session, rows);
    }

    @SafeVarargs
    private Browser.Page saveGrid(Browser browser, long session, List<Map.Entry<String, String>>... rows) {
        return browser.postMulti("/sessions/" + session + "/sales", gridForm(session, rows));
    }

    @SafeVarargs
    private List<Map.Entry<String, String>> gridForm(long session, List<Map.Entry<String, String>>... rows) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", session)));
        form.add(Map.entry("submission", UUID.randomUUID().toString()));
        for (var row : rows) {
            form.addAll(row);
        }
        return form;
    }

    private static List<Map.Entry<String, String>> row(long product, String units, String orders, String gross,
                                                       String refunds) {
        return List.of(Map.entry("product", String.valueOf(product)), Map.entry("units", units),
                Map.entry("orders", orders), Map.entry("gross", gross), Map.entry("refunds", refunds));
    }

    private static List<Map.Entry<String, String>> sessionForm(String version, String date) {
        return List.of(Map.entry("county", YINGSHAN), Map.entry("platform", "DOUYIN"), Map.entry("date", date),
                Map.entry("start", "19:00"), Map.entry("end", "21:00"), Map.entry("views", ""),
                Map.entry("version", version));
    }

    private Browser.Page upload(byte[] file) {
        coordinator.get("/campaigns/" + campaign + "/import");
        Map<String, String> fields = Map.of("county", YINGSHAN, "csrf", coordinator.csrfToken());
        String boundary = "----countylive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sales.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return coordinator.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns/" + campaign + "/import"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The county's import template with the given rows filled in, as a user fills it. */
    private byte[] filled(Object[]... rows) throws Exception {
        Browser.Page template = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve(
                "/campaigns/" + campaign + "/import/template.xlsx?county=" + YINGSHAN)).header("Accept", "*/*"));
        assertEquals(200, template.status(), template.body());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(1);
            SheetFill.belowHeader(sheet, rows);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}

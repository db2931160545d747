package countylive.sale;

import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sales grid: saved whole or not at all, unit price warnings, on-behalf rows, scoping, locking. */
@MicronautTest(transactional = false)
class SalesGridTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    EntryData data;
    long campaign;
    long session;
    long tea;
    long honey;
    Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        session = data.session(campaign, YINGSHAN, "2020-04-10");
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        honey = data.product("英山蜂蜜", YINGSHAN, null);
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void savesTheGridAndCopiesTheSessionScopeIntoEachLine() {
        Browser.Page page = coordinator.postMulti(salesPath(), grid(
                row(tea, "120", "100", "11,800.5", ""), row(honey, "", "", "", "")));
        assertEquals(303, page.status(), page.body());
        assertEquals(salesPath() + "?flash=saved", page.location());
        assertEquals(campaign + " 421124 2020-04-10 0 120 100 11800.50 0.00", fixtures.value(
                "SELECT CONCAT_WS(' ', campaign_id, county_code, live_date, on_behalf, units, orders, gross, refunds) "
                        + "FROM sale_line WHERE session_id = ? AND product_id = ?", session, tea));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sale_line"), "blank row writes nothing");
        String audit = fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'sale_line' AND action = 'CREATE' "
                + "AND county_code = '421124'");
        assertTrue(audit.contains("\"gross\":[null,\"11800.50\"]"), audit);
        Browser.Page shown = coordinator.get(page.location());
        assertTrue(shown.body().contains("value=\"11800.50\""), shown.body());
    }

    /** The save bar's totals come from the server, so they are right without script too. */
    @Test
    void theSaveBarTotalsTheSavedGridAndWhatReadsCleanlyAfterARoundTrip() {
        coordinator.postMulti(salesPath(), grid(row(tea, "120", "100", "11,800.5", "200"), row(honey, "７", "7", "70", "")));
        String saved = coordinator.get(salesPath()).body();
        assertEquals("127", total(saved, "units"));
        assertEquals("107", total(saved, "orders"));
        assertEquals("¥11,870.50", total(saved, "gross"));
        assertEquals("¥200.00", total(saved, "refunds"));

        Browser.Page refused = coordinator.postMulti(salesPath(), grid(version(saved),
                row(tea, "120", "100", "12.345", ""), row(honey, "10", "10", "1,000", "")));
        assertEquals(422, refused.status());
        assertEquals("130", total(refused.body(), "units"));
        assertEquals("¥1,000.00", total(refused.body(), "gross"), "the cell in error counts for nothing until corrected");
    }

    private static String total(String html, String figure) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"total-" + figure + "\">([^<]*)<").matcher(html);
        assertTrue(m.find(), "total " + figure);
        return m.group(1);
    }

    @Test
    void oneBadCellSavesNothingAndKeepsEveryTypedValue() {
        data.saleLine(session, honey, 5, 5, "500.00");
        Browser.Page page = coordinator.postMulti(salesPath(), grid(
                row(tea, "120", "100", "12.345", ""), row(honey, "7", "abc", "700", "")));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("金额最多两位小数"), page.body());
        assertTrue(page.body().contains("请输入不小于 0 的整数"));
        assertTrue(page.body().contains("value=\"12.345\"") && page.body().contains("value=\"abc\"")
                && page.body().contains("value=\"120\"") && page.body().contains("value=\"700\""), "typed values kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line WHERE product_id = ?", tea));
        assertEquals("5 500.00", fixtures.value("SELECT CONCAT_WS(' ', units, gross) FROM sale_line WHERE product_id = ?", honey));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));
    }

    @Test
    void rejectsRefundsAboveGrossAndNegativeOrMissingFigures() {
        Browser.Page page = coordinator.postMulti(salesPath(), grid(
                row(tea, "10", "10", "1000", "1000.01"), row(honey, "-1", "", "1e3", "")));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("退款金额不能大于成交金额"), page.body());
        assertTrue(page.body().contains("不能为负数"));
        assertTrue(page.body().contains("请填写此项"));
        assertTrue(page.body().contains("请输入金额"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void acceptsTheUsualWaysOfTypingMoney() {
        Browser.Page page = coordinator.postMulti(salesPath(), grid(
                row(tea, "12", "10", "１２３４", "1,234.50"), row(honey, "3", "3", "1234.5", "")));
        assertEquals(422, page.status(), "refunds 1234.50 > gross 1234.00");
        page = coordinator.postMulti(salesPath(), grid(
                row(tea, "13", "10", "１２３４", "1,034.50"), row(honey, "3", "3", "1234.5", "")));
        assertEquals(303, page.status(), page.body());
        assertEquals("1234.00 1034.50", fixtures.value("SELECT CONCAT_WS(' ', gross, refunds) FROM sale_line WHERE product_id = ?", tea));
    }

    @Test
    void unitPriceFarFromReferenceNeedsConfirmation() {
        // 10 boxes at a reference price of 100 yuan for 100,000 yuan: an extra zero or two
        List<Map.Entry<String, String>> typed = grid(row(tea, "10", "10", "100000", ""), row(honey, "", "", "", ""));
        Browser.Page warned = coordinator.postMulti(salesPath(), typed);
        assertEquals(422, warned.status());
        assertTrue(warned.body().contains("成交单价 10000.00 元，与参考价 100.00 元相差超过 5 倍"), warned.body());
        assertTrue(warned.body().contains("name=\"confirm\" value=\"" + tea + "\""));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));

        List<Map.Entry<String, String>> confirmed = new ArrayList<>(typed);
        confirmed.add(Map.entry("confirm", String.valueOf(tea)));
        Browser.Page saved = coordinator.postMulti(salesPath(), confirmed);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("100000.00", fixtures.value("SELECT gross FROM sale_line"));
    }

    @Test
    void moreOrdersThanUnitsNeedsConfirmation() {
        // 80 boxes in 95 orders: every order is at least one box, so the columns were probably swapped
        List<Map.Entry<String, String>> typed = grid(row(tea, "80", "95", "8000", ""), row(honey, "", "", "", ""));
        Browser.Page warned = coordinator.postMulti(salesPath(), typed);
        assertEquals(422, warned.status());
        assertTrue(warned.body().contains("订单数 95 多于件数 80"), warned.body());
        assertTrue(warned.body().contains("name=\"confirm\" value=\"" + tea + "\""));
        assertTrue(warned.body().contains("value=\"95\""), "what was typed is kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));

        List<Map.Entry<String, String>> confirmed = new ArrayList<>(typed);
        confirmed.add(Map.entry("confirm", String.valueOf(tea)));
        Browser.Page saved = coordinator.postMulti(salesPath(), confirmed);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("80 95", fixtures.value("SELECT CONCAT_WS(' ', units, orders) FROM sale_line"));
    }

    @Test
    void cheapUnitPriceWarnsToo() {
        Browser.Page warned = coordinator.postMulti(salesPath(), grid(row(tea, "1000", "10", "1000", ""), row(honey, "", "", "", "")));
        assertEquals(422, warned.status());
        assertTrue(warned.body().contains("成交单价 1.00 元"), warned.body());
        Browser.Page fine = coordinator.postMulti(salesPath(), grid(row(tea, "1000", "10", "20000", ""), row(honey, "", "", "", "")));
        assertEquals(303, fine.status(), "20 yuan is exactly a fifth: no warning");
    }

    @Test
    void blankRowRemovesAnExistingLineAndChangesAreAudited() {
        data.saleLine(session, tea, 10, 8, "1000.00");
        data.saleLine(session, honey, 5, 5, "500.00");
        Browser.Page page = coordinator.postMulti(salesPath(), grid(row(tea, "11", "8", "1100", "50"), row(honey, "", "", "", "")));
        assertEquals(303, page.status(), page.body());
        assertEquals("11 1100.00 50.00", fixtures.value("SELECT CONCAT_WS(' ', units, gross, refunds) FROM sale_line"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE username <> 'fixtures' AND changes LIKE '%\"500.00\",null%'"));
        String update = fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND action = 'UPDATE'");
        assertTrue(update.contains("\"units\":[\"10\",\"11\"]") && update.contains("\"refunds\":[\"0.00\",\"50.00\"]"), update);
    }

    @Test
    void gridShowsTheHistoryOfItsLinesDeletedOnesIncluded() {
        coordinator.postMulti(salesPath(), grid(row(tea, "1", "1", "100", ""), row(honey, "2", "2", "200", "")));
        coordinator.postMulti(salesPath(), grid(row(tea, "3", "1", "300", ""), row(honey, "", "", "", "")));
        long other = data.session(campaign, YINGSHAN, "2020-04-12");
        coordinator.postMulti("/sessions/" + other + "/sales", List.of(Map.entry("version", "0"),
                Map.entry("submission", UUID.randomUUID().toString()), Map.entry("product", String.valueOf(tea)),
                Map.entry("units", "9"), Map.entry("orders", "9"), Map.entry("gross", "999"), Map.entry("refunds", ""),
                Map.entry("product", String.valueOf(honey)), Map.entry("units", ""), Map.entry("orders", ""),
                Map.entry("gross", ""), Map.entry("refunds", "")));
        String body = coordinator.get(salesPath()).body();
        String history = body.substring(body.indexOf("class=\"history\""));
        assertTrue(history.contains("<del>¥100.00</del>") && history.contains("<ins>¥300.00</ins>"), history);
        assertTrue(history.contains("<del>¥200.00</del>"), "deleted line listed");
        assertFalse(history.contains("999.00"), "another session's lines are not");
    }

    @Test
    void productOfAnotherCountyMustBeMarkedAsSoldOnItsBehalf() {
        long xingshanTea = data.product("兴山白茶", XINGSHAN, "80.00");
        List<Map.Entry<String, String>> form = grid(row(tea, "", "", "", ""), row(honey, "", "", "", ""));
        form.addAll(List.of(Map.entry("addProduct", String.valueOf(xingshanTea)), Map.entry("addUnits", "5"),
                Map.entry("addOrders", "5"), Map.entry("addGross", "400")));
        Browser.Page refused = coordinator.postMulti(salesPath(), form);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("须勾选“代其他县销售”"), refused.body());
        assertTrue(refused.body().contains("value=\"" + xingshanTea + "\" selected"), "chosen product kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));

        form.add(Map.entry("addOnBehalf", "true"));
        Browser.Page saved = coordinator.postMulti(salesPath(), form);
        assertEquals(303, saved.status(), saved.body());
        assertEquals("1 421124 400.00", fixtures.value("SELECT CONCAT_WS(' ', on_behalf, county_code, gross) FROM sale_line WHERE product_id = ?", xingshanTea));
        assertTrue(coordinator.get(salesPath()).body().contains("代 兴山县 销售"));
    }

    @Test
    void productAlreadyInTheGridCannotBeAddedTwice() {
        List<Map.Entry<String, String>> form = grid(row(tea, "1", "1", "100", ""), row(honey, "", "", "", ""));
        form.addAll(List.of(Map.entry("addProduct", String.valueOf(tea)), Map.entry("addUnits", "5"),
                Map.entry("addOrders", "5"), Map.entry("addGross", "400"), Map.entry("addOnBehalf", "true")));
        Browser.Page refused = coordinator.postMulti(salesPath(), form);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("该商品已在表中"), refused.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void staleGridIsRefusedWith409() {
        String version = version(coordinator.get(salesPath()).body());
        assertEquals(303, coordinator.postMulti(salesPath(), grid(version, row(tea, "1", "1", "100", ""), row(honey, "", "", "", ""))).status());
        Browser.Page stale = coordinator.postMulti(salesPath(), grid(version, row(tea, "2", "2", "200", ""), row(honey, "", "", "", "")));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("已被他人修改"), stale.body());
        assertTrue(stale.body().contains("value=\"200\""));
        assertEquals("100.00", fixtures.value("SELECT gross FROM sale_line"));
    }

    @Test
    void doubleSubmitSavesOnce() {
        List<Map.Entry<String, String>> form = grid(row(tea, "1", "1", "100", ""), row(honey, "", "", "", ""));
        assertEquals(303, coordinator.postMulti(salesPath(), form).status());
        Browser.Page second = coordinator.postMulti(salesPath(), form);
        assertEquals(303, second.status(), second.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'sale_line'"));
    }

    @Test
    void closedCampaignRefusesSales() {
        data.close(campaign);
        Browser.Page page = coordinator.postMulti(salesPath(), grid(row(tea, "1", "1", "100", ""), row(honey, "", "", "", "")));
        assertEquals(409, page.status());
        assertTrue(page.body().contains("该活动已结束"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void anotherCountysSalesAreNotFoundForReadingOrWriting() {
        long theirs = data.session(campaign, XINGSHAN, "2020-04-11");
        long theirTea = data.product("兴山白茶", XINGSHAN, "80.00");
        data.saleLine(theirs, theirTea, 3, 3, "240.00");
        assertEquals(404, coordinator.get("/sessions/" + theirs + "/sales").status());
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("version", "0"),
                Map.entry("submission", UUID.randomUUID().toString())));
        form.addAll(row(theirTea, "", "", "", ""));
        assertEquals(404, coordinator.postMulti("/sessions/" + theirs + "/sales", form).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void associationReadsTheGridButCannotSave() {
        data.saleLine(session, tea, 10, 8, "1000.00");
        fixtures.association("staff");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        Browser.Page read = staff.get(salesPath());
        assertEquals(200, read.status());
        assertTrue(read.body().contains("1000.00") && !read.body().contains("name=\"units\""), read.body());
        assertEquals(403, staff.postMulti(salesPath(), grid("0", row(tea, "", "", "", ""), row(honey, "", "", "", ""))).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void addedRowGetsThePriceWarningTooAndSavesOnceConfirmed() {
        long xingshanTea = data.product("兴山白茶", XINGSHAN, "80.00");
        List<Map.Entry<String, String>> form = grid(row(tea, "", "", "", ""), row(honey, "", "", "", ""));
        form.addAll(List.of(Map.entry("addProduct", String.valueOf(xingshanTea)), Map.entry("addUnits", "2"),
                Map.entry("addOrders", "2"), Map.entry("addGross", "1600"), Map.entry("addOnBehalf", "true")));
        Browser.Page warned = coordinator.postMulti(salesPath(), form);
        assertEquals(422, warned.status());
        assertTrue(warned.body().contains("成交单价 800.00 元，与参考价 80.00 元"), warned.body());
        form.add(Map.entry("addConfirm", "true"));
        assertEquals(303, coordinator.postMulti(salesPath(), form).status());
        assertEquals("1600.00", fixtures.value("SELECT gross FROM sale_line WHERE on_behalf"));
    }

    @Test
    void administratorEntersSalesForAnyCountyInEnglish() {
        long theirs = data.session(campaign, XINGSHAN, "2020-04-11");
        long theirTea = data.product("兴山白茶", XINGSHAN, "80.00");
        fixtures.admin("root");
        Browser admin = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("version", "0"),
                Map.entry("submission", UUID.randomUUID().toString())));
        form.addAll(row(theirTea, "3", "3", "240", "300"));
        Browser.Page refused = admin.postMulti("/sessions/" + theirs + "/sales", form);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("Refunds cannot exceed the gross amount."), refused.body());
        form.set(form.size() - 1, Map.entry("refunds", "0"));
        assertEquals(303, admin.postMulti("/sessions/" + theirs + "/sales", form).status());
        assertEquals("420526 240.00", fixtures.value("SELECT CONCAT_WS(' ', county_code, gross) FROM sale_line"));
        assertEquals("root", fixtures.value("SELECT username FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'sale_line'"));
    }

    private String salesPath() {
        return "/sessions/" + session + "/sales";
    }

    /** A county with many products: the grid's five fields a row are far more than the server's default 128. */
    @Test
    void aGridOfSixtyProductsSavesInOneGo() {
        List<Map.Entry<String, String>> form = new ArrayList<>(grid());
        for (int i = 0; i < 60; i++) {
            long product = data.product("英山商品" + i, YINGSHAN, null);
            form.addAll(row(product, "1", "1", "10.00", ""));
        }
        Browser.Page page = coordinator.postMulti(salesPath(), form);
        assertEquals(303, page.status(), page.body());
        assertEquals("60 600.00", fixtures.value("SELECT CONCAT_WS(' ', COUNT(*), SUM(gross)) FROM sale_line WHERE session_id = ?",
                session));
    }

    private List<Map.Entry<String, String>> grid(List<Map.Entry<String, String>>... rows) {
        return grid(fixtures.value("SELECT version FROM live_session WHERE id = ?", session), rows);
    }

    @SafeVarargs
    private List<Map.Entry<String, String>> grid(String version, List<Map.Entry<String, String>>... rows) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("version", version));
        form.add(Map.entry("submission", UUID.randomUUID().toString()));
        for (var row : rows) {
            form.addAll(row);
        }
        return form;
    }

    private static List<Map.Entry<String, String>> row(long product, String units, String orders, String gross, String refunds) {
        return List.of(Map.entry("product", String.valueOf(product)), Map.entry("units", units),
                Map.entry("orders", orders), Map.entry("gross", gross), Map.entry("refunds", refunds));
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

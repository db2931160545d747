package countylive.platform;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform import over HTTP, with Douyin and Taobao workbooks generated as the platforms write them. */
@MicronautTest(transactional = false)
class PlatformImportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;
    long yunwu;
    long maojian;
    Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.coordinatorOf("xingshan", "420526");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124'), (?, '420526')",
                campaign, campaign);
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), ('英山毛尖', '茶', '盒', 50.00, '421124', NOW(), NOW())");
        yunwu = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山云雾'"));
        maojian = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山毛尖'"));
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    /**
     * A new session from a Douyin workbook with SKU rows: the product matched by name is chosen, the
     * other is asked for and chosen in the preview; confirmed, everything is written with its history.
     */
    @Test
    void aNewSessionWithSkuRowsAndAnUnmatchedProductResolvedInThePreview() {
        String preview = uploaded(Map.of("抖音_0410.xlsx", PlatformWorkbooks.douyin().bytes()));
        Browser.Page page = coordinator.get(preview);
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("新场次"), body);
        assertTrue(body.contains("用户支付金额"), "the gross is labelled as what it is");
        assertTrue(body.contains("新建主播“英山县长”（yingshan_live）"), "the account is a new host");
        assertTrue(body.contains("按名称"), "英山毛尖 matched by name");
        assertTrue(body.contains("人均观看时长") && body.contains("1分5秒"), "the platform's other figures");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"), "nothing written by the preview");

        // confirming without choosing the unmatched product asks for it, keeping what was chosen
        Browser.Page unanswered = coordinator.post(preview, Map.of("product.0.1", Long.toString(maojian)));
        assertEquals(422, unanswered.status(), unanswered.body());
        assertTrue(unanswered.body().contains("请选择对应的商品"), unanswered.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));

        Browser.Page confirmed = coordinator.post(preview, Map.of("product.0.0", Long.toString(yunwu),
                "product.0.1", Long.toString(maojian), "host.0", "new"));
        assertEquals(303, confirmed.status(), confirmed.body());
        Browser.Page done = coordinator.get(confirmed.location());
        assertTrue(done.body().contains("已导入：新建 1 场、更新 0 场、未变 0 场；销售记录新增 2 条"), done.body());

        assertEquals("DOUYIN 2020-04-10 19:00:21 2020-04-10 21:02:40 12000", fixtures.value(
                "SELECT CONCAT_WS(' ', platform, starts_at, ends_at, unique_viewers) FROM live_session"));
        assertEquals("", fixtures.value("SELECT COALESCE(peak_viewers, '') FROM live_session"), "- stays blank");
        assertEquals("12 11 1200.00 0.00", line(yunwu), "the SKU rows are not added again");
        assertEquals("240 200 12000.00 0.00", line(maojian));
        assertEquals("13200.00", fixtures.value("SELECT SUM(gross) FROM county_day_sales"), "the rollups follow");
        assertEquals("yingshan_live", fixtures.value("SELECT h.handle FROM live_session_host sh JOIN host h ON h.id = sh.host_id"));
        assertEquals(List.of("抖音_0410.xlsx", "抖音_0410.xlsx"), fixtures.column(
                "SELECT source_file FROM audit_event WHERE entity_type = 'sale_line'"), "each line's history names the file");
        assertEquals(Long.toString(yunwu), fixtures.value(
                "SELECT product_id FROM platform_product WHERE external_id = '3601234567890'"), "the match is remembered");
        String session = fixtures.value("SELECT id FROM live_session");
        String shown = coordinator.get("/sessions/" + session).body();
        assertTrue(shown.contains("平台数据") && shown.contains("渠道 整体 · 千川消耗") && shown.contains("¥2,360.50"), shown);
        assertTrue(shown.contains("不是平台所称的“成交金额”"), "the session page says where its gross comes from");

        // a double confirm writes nothing twice
        Browser.Page again = coordinator.post(preview, Map.of("product.0.0", Long.toString(yunwu)));
        assertEquals(303, again.status());
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    /** The same file again changes nothing and says so; the remembered product id matches without asking. */
    @Test
    void theSameFileTwiceChangesNothingAndSaysSo() {
        byte[] file = PlatformWorkbooks.douyin().bytes();
        String first = uploaded(Map.of("a.xlsx", file));
        assertEquals(303, coordinator.post(first, Map.of("product.0.0", Long.toString(yunwu))).status());
        long entries = Long.parseLong(fixtures.value("SELECT COUNT(*) FROM audit_event"));

        String second = uploaded(Map.of("a.xlsx", file));
        String body = coordinator.get(second).body();
        assertTrue(body.contains("完全相同"), body);
        assertTrue(body.contains("按平台商品 ID"), "the product is matched by its remembered id");
        Browser.Page confirmed = coordinator.post(second, Map.of());
        assertEquals(303, confirmed.status(), confirmed.body());
        assertTrue(coordinator.get(confirmed.location()).body().contains("这些文件之前已经导入过，没有任何改动"));
        assertEquals(entries, Long.parseLong(fixtures.value("SELECT COUNT(*) FROM audit_event")), "no history entry");
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    /**
     * An existing session (entered by hand, a few minutes off) is matched; the preview shows every
     * value it would change, from → to; refunds entered stay, as the compass has none. A newer
     * export of the same session updates it and shows what changed.
     */
    @Test
    void anExistingSessionIsUpdatedAndANewerExportShowsWhatChanged() {
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "unique_viewers, created_at, updated_at) VALUES (?, '421124', 'DOUYIN', '2020-04-10', '2020-04-10 19:03', "
                + "'2020-04-10 21:00', 9000, NOW(), NOW())", campaign);
        long session = Long.parseLong(fixtures.value("SELECT id FROM live_session"));
        fixtures.execute("INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, on_behalf, units, "
                + "orders, gross, refunds, created_at, updated_at) VALUES (?, ?, '421124', '2020-04-10', ?, FALSE, 100, 90, "
                + "5000.00, 10.00, NOW(), NOW())", session, campaign, maojian);
        String preview = uploaded(Map.of("a.xlsx", PlatformWorkbooks.douyin().bytes()));
        String body = coordinator.get(preview).body();
        assertTrue(body.contains("href=\"/sessions/" + session + "\""), "the matching session");
        assertTrue(body.contains("<del>9,000</del> → <ins>12,000</ins>"), body);
        assertTrue(body.contains("<del>100</del> → <ins>240</ins>"), body);
        assertTrue(body.contains("<del>¥5,000.00</del> → <ins>¥12,000.00</ins>"), body);
        assertEquals(303, coordinator.post(preview, Map.of("product.0.0", "skip")).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("240 200 12000.00 10.00", line(maojian), "the refunds entered stay");
        assertEquals("12000 2020-04-10 19:00:21", fixtures.value(
                "SELECT CONCAT_WS(' ', unique_viewers, starts_at) FROM live_session"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line WHERE product_id = ?", yunwu), "skipped");

        String newer = uploaded(Map.of("b.xlsx", PlatformWorkbooks.douyin().viewers("1.3万").products(
                new PlatformWorkbooks.DouyinProduct("3609876543210", "英山毛尖", "¥12,500", "250", "205")).bytes()));
        String shown = coordinator.get(newer).body();
        assertTrue(shown.contains("<del>240</del> → <ins>250</ins>"), shown);
        assertTrue(shown.contains("<del>12,000</del> → <ins>13,000</ins>"), shown);
        Browser.Page confirmed = coordinator.post(newer, Map.of());
        assertEquals(303, confirmed.status(), confirmed.body());
        assertTrue(coordinator.get(confirmed.location()).body().contains("更新 1 场"));
        assertEquals("250 205 12500.00 10.00", line(maojian));
        assertEquals(List.of("b.xlsx"), fixtures.column("SELECT source_file FROM audit_event WHERE entity_type = 'sale_line'"
                + " AND action = 'UPDATE' AND changes LIKE '%250%'"));
    }

    /** Several sessions of one new account in one upload: the host is registered once and takes part in both. */
    @Test
    void severalSessionsOfOneNewAccountInOneUpload() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("0410.xlsx", PlatformWorkbooks.douyin().bytes());
        files.put("0411.xlsx", PlatformWorkbooks.douyin().span("2020/04/11 19:00:00-2020/04/11 20:30:00").bytes());
        String preview = uploaded(files);
        Browser.Page confirmed = coordinator.post(preview, Map.of("product.0.0", "skip", "product.1.0", "new"));
        assertEquals(303, confirmed.status(), confirmed.body());
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM host"));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM live_session_host"));
        assertEquals("待补充 件", fixtures.value("SELECT CONCAT_WS(' ', category, unit) FROM product WHERE name = '英山云雾 特级 250g'"),
                "a product created from the preview, its category and unit to be completed");
    }

    @Test
    void renamedHeadersOfAnOlderExportStillMatch() {
        String preview = uploaded(Map.of("old.xlsx", PlatformWorkbooks.douyin().renamed().bytes()));
        assertEquals(303, coordinator.post(preview, Map.of("product.0.0", Long.toString(yunwu))).status());
        assertEquals("12 11 1200.00 0.00", line(yunwu));
    }

    /** A Taobao pair: sessions and products joined by 场次id, with the export's refunds. */
    @Test
    void aTaobaoPairMakesItsSessionsWithRefunds() {
        byte[] sessions = PlatformWorkbooks.taobaoSessions(PlatformWorkbooks.taobaoSession("英山好茶", "TB1001",
                "2020/04/12 20:00:00", "2时0分0秒", "1.5万", "8,200", "-"));
        byte[] products = PlatformWorkbooks.taobaoProducts(PlatformWorkbooks.taobaoProduct("英山毛尖", "6301", "TB1001",
                "2020/04/12 20:00:00", "30", "28", "¥1,500", "¥50"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("直播分场次.xlsx", sessions);
        files.put("直播分商品效果.xlsx", products);
        String preview = uploaded(files);
        assertTrue(coordinator.get(preview).body().contains("淘宝"));
        assertEquals(303, coordinator.post(preview, Map.of()).status());
        assertEquals("TAOBAO 15000 8200", fixtures.value("SELECT CONCAT_WS(' ', platform, views, unique_viewers) FROM live_session"));
        assertEquals("30 28 1500.00 50.00", line(maojian));
        assertEquals("TB1001", fixtures.value("SELECT platform_session_id FROM live_session_platform"));
    }

    /** A file whose account is another county's session at that time is refused, naming the session. */
    @Test
    void anotherCountysSessionIsRefusedAndNamed() {
        fixtures.execute("INSERT INTO host (name, platform, handle, created_at, updated_at) VALUES "
                + "('县长', 'DOUYIN', 'yingshan_live', NOW(), NOW())");
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "created_at, updated_at) VALUES (?, '420526', 'DOUYIN', '2020-04-10', '2020-04-10 19:01', "
                + "'2020-04-10 21:00', NOW(), NOW())", campaign);
        String other = fixtures.value("SELECT id FROM live_session");
        fixtures.execute("INSERT INTO live_session_host (session_id, host_id) SELECT ?, id FROM host", other);
        String preview = uploaded(Map.of("a.xlsx", PlatformWorkbooks.douyin().bytes()));
        Browser.Page page = coordinator.get(preview);
        assertTrue(page.body().contains("属于兴山县（场次 #" + other + "）"), page.body());
        assertFalse(page.body().contains("确认导入"), "nothing to confirm");
        Browser.Page forced = coordinator.post(preview, Map.of("product.0.0", Long.toString(yunwu)));
        assertEquals(422, forced.status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    /** Hostile and broken files get the sales import's protections; nothing is kept or written. */
    @Test
    void hostileFilesAreRefusedWithTheSalesImportsProtections() throws Exception {
        byte[] good = PlatformWorkbooks.douyin().bytes();
        assertRefused(new byte[0], "文件是空的");
        assertRefused("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "这不是 .xlsx 格式");
        byte[] ole2 = new byte[4096];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        assertRefused(ole2, "文件设置了密码");
        assertRefused(withPart(good, "xl/worksheets/sheet1.xml", bombSheet()), "压缩比过高");
        assertRefused(withPart(good, "xl/workbook.xml", externalEntityWorkbook()), "无法读取此文件");
        assertRefused(new byte[countylive.excel.UploadedWorkbook.MAX_BYTES + 10], "文件太大");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM platform_preview"));
        assertEquals(200, coordinator.get("/campaigns/" + campaign + "/platform-import").status(), "still healthy");
    }

    /** A value that cannot be read names its file, sheet, row and column, in the user's language. */
    @Test
    void aBadValueIsReportedWithSheetRowAndColumnHeader() {
        Browser.Page page = PlatformUpload.upload(coordinator, server.getURI(), campaign, "421124", Map.of("bad.xlsx",
                PlatformWorkbooks.douyin().products(new PlatformWorkbooks.DouyinProduct("1", "英山毛尖", "十元", "3", "3")).bytes()));
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().matches("(?s).*bad.xlsx.*商品分析-商品明细.*>2<.*用户支付金额.*“十元”不是金额.*"), page.body());
        Browser.Page english = PlatformUpload.upload(new Browser(server.getURI()).language("en").login("yingshan",
                Fixtures.PASSWORD), server.getURI(), campaign, "421124", Map.of("x.xlsx",
                PlatformWorkbooks.douyin().withoutAccountColumn().bytes()));
        assertTrue(english.body().contains("Sheet \"基本信息\" has no column \"抖音号or火山号\"")
                || english.body().contains("Sheet &quot;基本信息&quot; has no column &quot;抖音号or火山号&quot;"), english.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM platform_preview"));
    }

    /** A line against the sale-line rules is named by file, sheet, row and column header; nothing is written. */
    @Test
    void aLineAgainstTheSaleLineRulesIsNamedAndNothingIsWritten() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("直播分商品效果.xlsx", PlatformWorkbooks.taobaoProducts(PlatformWorkbooks.taobaoProduct("英山毛尖", "6301",
                "TB1001", "2020/04/12 20:00:00", "30", "28", "¥1,500", "¥2,000")));
        String preview = uploaded(files);
        Browser.Page page = coordinator.post(preview, Map.of("end.0", "22:00"));
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("文件“直播分商品效果.xlsx”，工作表“直播分商品效果”，第 2 行，“退款金额”列：退款金额不能大于成交金额。"),
                page.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void aClosedCampaignRefusesImports() {
        fixtures.execute("UPDATE campaign SET status = 'CLOSED'");
        Browser.Page page = PlatformUpload.upload(coordinator, server.getURI(), campaign, "421124",
                Map.of("a.xlsx", PlatformWorkbooks.douyin().bytes()));
        assertEquals(409, page.status());
        assertTrue(page.body().contains("活动已结束"));
    }

    /** Both steps check the session's token themselves (the upload's arrives among its parts). */
    @Test
    void anUploadOrAConfirmationWithoutTheTokenIsRefused() {
        String preview = uploaded(Map.of("a.xlsx", PlatformWorkbooks.douyin().bytes()));
        assertEquals(403, coordinator.postRaw(preview, Map.of("product.0.0", Long.toString(yunwu))).status());
        assertEquals(403, coordinator.postRaw(preview, Map.of("csrf", "forged-" + coordinator.csrfToken())).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
        Browser forger = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        Browser.Page page = PlatformUpload.upload(forger, server.getURI(), campaign, "421124",
                Map.of("a.xlsx", PlatformWorkbooks.douyin().bytes()), "forged");
        assertEquals(403, page.status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM platform_preview"), "only the first upload is kept");
    }

    @Test
    void aPreviewIsItsUploadersOnly() {
        String preview = uploaded(Map.of("a.xlsx", PlatformWorkbooks.douyin().bytes()));
        Browser other = new Browser(server.getURI()).login("xingshan", Fixtures.PASSWORD);
        assertEquals(404, other.get(preview).status());
    }

    private String uploaded(Map<String, byte[]> files) {
        Browser.Page page = PlatformUpload.upload(coordinator, server.getURI(), campaign, "421124", files);
        assertEquals(303, page.status(), page.body());
        assertNotNull(page.location());
        return page.location();
    }

    private String line(long product) {
        return fixtures.value("SELECT CONCAT_WS(' ', units, orders, gross, refunds) FROM sale_line WHERE product_id = ?", product);
    }

    private void assertRefused(byte[] file, String message) {
        Browser.Page page = PlatformUpload.upload(coordinator, server.getURI(), campaign, "421124", Map.of("h.xlsx", file));
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains(message), page.body());
        assertFalse(page.body().contains("Exception"));
    }

    static byte[] withPart(byte[] xlsx, String partName, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(partName) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] bombSheet() {
        String start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        return (start + " ".repeat(40 * 1024 * 1024) + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] externalEntityWorkbook() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>&xxe;</sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8);
    }
}

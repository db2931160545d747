package countylive.excel;

import countylive.support.Browser;
import countylive.support.SheetFill;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SalesImportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Rejections rejections;

    long campaign;
    long session;
    long yunwu;
    long maojian;
    Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.coordinatorOf("xingshan", "420526");
        fixtures.association("staff");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124'), (?, '420526')", campaign, campaign);
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), ('英山毛尖', '茶', '盒', 50.00, '421124', NOW(), NOW())");
        yunwu = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山云雾'"));
        maojian = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山毛尖'"));
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "created_at, updated_at) VALUES (?, '421124', 'DOUYIN', '2020-04-10', '2020-04-10 19:00', "
                + "'2020-04-10 21:00', NOW(), NOW())", campaign);
        session = Long.parseLong(fixtures.value("SELECT id FROM live_session"));
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void templateHasInstructionsFirstAndDropDownsOfTheCountysSessionsAndProducts() throws Exception {
        try (XSSFWorkbook template = template()) {
            assertEquals("填写说明", template.getSheetName(0));
            assertEquals("销售", template.getSheetName(1));
            assertTrue(template.isSheetHidden(2));
            Sheet lists = template.getSheet("lists");
            assertTrue(lists.getRow(0).getCell(0).getStringCellValue().startsWith(session + " · 2020-04-10 19:00 · 抖音"));
            assertTrue(lists.getRow(0).getCell(1).getStringCellValue().startsWith(yunwu + " · 英山云雾")
                    || lists.getRow(1).getCell(1).getStringCellValue().startsWith(yunwu + " · 英山云雾"));
            Sheet data = template.getSheetAt(1);
            assertEquals("成交金额（元）", data.getRow(0).getCell(4).getStringCellValue());
            assertTrue(data.getDataValidations().size() >= 3, "drop-downs and number checks");
        }
    }

    /** Another county's product is picked from the list by its name, after the county's own, and imports on its behalf. */
    @Test
    void anotherCountysProductIsPickedByNameFromTheTemplatesList() throws Exception {
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) "
                + "VALUES ('兴山香菇', '菌', '袋', 30.00, '420526', NOW(), NOW())");
        long xiangu = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '兴山香菇'"));
        String choice;
        try (XSSFWorkbook template = template()) {
            Sheet lists = template.getSheet("lists");
            List<String> products = new java.util.ArrayList<>();
            for (int i = 0; lists.getRow(i) != null && lists.getRow(i).getCell(1) != null; i++) {
                products.add(lists.getRow(i).getCell(1).getStringCellValue());
            }
            assertEquals(3, products.size(), products.toString());
            assertEquals(java.util.Set.of(maojian + " · 英山毛尖（盒）", yunwu + " · 英山云雾（盒）"),
                    java.util.Set.copyOf(products.subList(0, 2)), "the county's own products first");
            assertEquals(xiangu + " · 兴山县 · 兴山香菇（袋）", products.get(2), "then the others', with their county");
            choice = products.get(2);
        }
        Browser.Page page = upload(filled(new Object[]{session + " · x", choice, 10, 9, 300, 0, "是"}), Map.of("county", "421124"));
        assertEquals(200, page.status(), page.body());
        assertEquals("1", fixtures.value("SELECT on_behalf FROM sale_line WHERE product_id = ?", xiangu));
    }

    /** A county whose figures are accepted takes no import: the page says so first, the upload is refused whole. */
    @Test
    void anAcceptedCountyTakesNoImport() throws Exception {
        byte[] file = filled(new Object[]{session + " · 2020-04-10", yunwu + " · 英山云雾", 100, 90, 9999.5, 0});
        fixtures.execute("UPDATE campaign_county SET sign_off = 'ACCEPTED', sign_off_at = '2020-05-25 10:00',"
                + " sign_off_by = '张三' WHERE county_code = '421124'");
        assertTrue(coordinator.get("/campaigns/" + campaign + "/import").body()
                .contains("英山县的数据已于 2020-05-25 由 张三 审核，如需修改请联系管理员。"));
        Browser.Page page = upload(file, Map.of("county", "421124"));
        assertEquals(409, page.status(), page.body());
        assertTrue(page.body().contains("由 张三 审核，如需修改请联系管理员"), page.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));

        // the ledger holds it back too, should a writer skip the page's check
        var ledger = fixtures.ledger();
        var refused = org.junit.jupiter.api.Assertions.assertThrows(countylive.web.form.Refusal.class, () ->
                ledger.importSales(Fixtures.LOADER, new countylive.ledger.SalesFile(campaign, "421124", "sales.xlsx",
                        "0".repeat(64), java.util.List.of(new countylive.ledger.SalesFile.Row(2, session, yunwu, false,
                        new countylive.ledger.LineFigures(100, 90, new java.math.BigDecimal("9999.50"),
                                java.math.BigDecimal.ZERO))), java.util.List.of(), false)));
        assertEquals("signoff.heldBack.ACCEPTED", refused.problems().get(0).key());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));
    }

    @Test
    void goodFileIsImportedInOneGoAndAudited() throws Exception {
        byte[] file = filled(new Object[]{session + " · 2020-04-10", yunwu + " · 英山云雾", 100, 90, 9999.5, 0},
                new Object[]{session + " · 2020-04-10", maojian + " · 英山毛尖", 20, 20, "1,000.00", "100"});
        Browser.Page page = upload(file, Map.of("county", "421124"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("已导入 2 条销售记录"), page.body());
        String next = page.body().substring(page.body().indexOf("import-next"));
        assertTrue(next.contains("本次导入修改了这些场次的销售：") && next.contains("href=\"/sessions/" + session + "/sales\""),
                "on to the session the import wrote: " + next);
        assertTrue(next.contains("href=\"/campaigns/" + campaign + "/summary\""), "and to the campaign's summary");
        assertTrue(page.body().contains("<p class=\"breadcrumb\"><a href=\"/campaigns/" + campaign + "\">"),
                "the campaign's name leads to it");
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("10999.50", fixtures.value("SELECT SUM(gross) FROM sale_line"));
        assertEquals("100.00", fixtures.value("SELECT refunds FROM sale_line WHERE product_id = ?", maojian));
        assertEquals("2020-04-10 421124", fixtures.value("SELECT DISTINCT CONCAT(live_date, ' ', county_code) FROM sale_line"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND action = 'IMPORT'")
                .contains("\"lines\":[null,\"2\"]"));
        // and each line its own entry, filed under its session and naming the file
        assertEquals(List.of("CREATE live_session " + session + " sales.xlsx", "CREATE live_session " + session + " sales.xlsx"),
                fixtures.column("SELECT CONCAT_WS(' ', action, scope_type, scope_id, source_file) FROM audit_event"
                        + " WHERE username <> 'fixtures' AND entity_type = 'sale_line'"));

        Browser.Page again = upload(file, Map.of("county", "421124"));
        assertEquals(409, again.status());
        assertTrue(again.body().contains("已经导入过"));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    /** A later file changes some lines: the report counts new, changed and unchanged lines, and lists each change. */
    @Test
    void anImportThatChangesLinesSaysWhichFromWhatToWhat() throws Exception {
        assertEquals(200, upload(filled(new Object[]{session + " · x", yunwu + " · x", 150, 120, 8850, 0},
                new Object[]{session + " · x", maojian + " · x", 20, 20, 1000, 0}), Map.of("county", "421124")).status());
        Browser.Page page = upload(filled(new Object[]{session + " · x", yunwu + " · x", 160, 120, 9440, 0},
                new Object[]{session + " · x", maojian + " · x", 20, 20, 1000, 0}), Map.of("county", "421124"));
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("已导入 2 条销售记录：新增 0 条，修改 1 条，未变 1 条。"), body);
        String changes = body.substring(body.indexOf("import-changes"));
        assertTrue(changes.contains("英山云雾") && !changes.contains("英山毛尖"), "only the changed line is listed");
        assertTrue(changes.matches("(?s).*<del>150</del> → <ins>160</ins>.*<del>¥8,850.00</del> → <ins>¥9,440.00</ins>.*"),
                changes);
        assertTrue(changes.contains("href=\"/sessions/" + session + "/sales\""), "links to the session's grid");
        Browser.Page same = upload(filled(new Object[]{session + " · x", yunwu + " · x", 160, 120, 9440, 0},
                new Object[]{session + " · x", maojian + " · x", 20, 20, "1,000"}), Map.of("county", "421124"));
        assertEquals(200, same.status(), same.body());
        assertFalse(same.body().contains("本次导入修改了这些场次的销售"), "a file that changed nothing names no session");
        assertTrue(same.body().contains("/campaigns/" + campaign + "/summary"), same.body());
        assertEquals("160 9440.00", fixtures.value("SELECT CONCAT_WS(' ', units, gross) FROM sale_line WHERE product_id = ?",
                yunwu));
        assertEquals(List.of("UPDATE"), fixtures.column("SELECT action FROM audit_event WHERE username <> 'fixtures'"
                + " AND entity_type = 'sale_line' AND action = 'UPDATE'"), "one history entry, for the changed line");
    }

    /**
     * A row naming another county's session is refused, and the import does not even lock that
     * county: a garbled or hostile file cannot hold up other counties' coordinators.
     */
    @Test
    void aRowNamingAnotherCountysSessionIsRefusedAndNothingIsWritten() throws Exception {
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "created_at, updated_at) VALUES (?, '420526', 'DOUYIN', '2020-04-11', '2020-04-11 19:00', "
                + "'2020-04-11 21:00', NOW(), NOW())", campaign);
        String xingshan = fixtures.value("SELECT id FROM live_session WHERE county_code = '420526'");
        byte[] file = filled(new Object[]{session + " · x", yunwu + " · x", 10, 10, 1000, 0},
                new Object[]{xingshan + " · x", yunwu + " · x", 10, 10, 1000, 0});
        Browser.Page page;
        // someone is saving in Xingshan meanwhile: an import into Yingshan does not wait for them
        try (java.sql.Connection xingshanWriter = fixtures.dataSource().getConnection()) {
            xingshanWriter.setAutoCommit(false);
            try (var statement = xingshanWriter.createStatement()) {
                statement.executeUpdate("UPDATE campaign_county SET revision = revision + 1 WHERE campaign_id = "
                        + campaign + " AND county_code = '420526'");
            }
            java.util.concurrent.ExecutorService uploader = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                page = uploader.submit(() -> upload(file, Map.of("county", "421124")))
                        .get(20, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                xingshanWriter.rollback();
                uploader.shutdown();
            }
        }
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().matches("(?s).*<td class=\"num\">3</td>\\s*<td><span>直播场次</span> <span class=\"hint\">（A 列）</span></td>\\s*<td class=\"wrap\">该场次不属于本县.*"),
                page.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));
    }

    @Test
    void aBadRowStopsTheWholeImportAndIsReportedAndMarked() throws Exception {
        byte[] file = filled(new Object[]{session + " · 2020-04-10", yunwu + " · 英山云雾", 100, 90, 9999.5, 0},
                new Object[]{session + " · 2020-04-10", maojian + " · 英山毛尖", 20, 20, "12.345", null},
                new Object[]{session + " · 2020-04-10", yunwu + " · 英山云雾", "abc", 1, 100, 200});
        Browser.Page page = upload(file, Map.of("county", "421124"));
        assertEquals(422, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("金额最多两位小数"), body);
        assertTrue(body.contains("请输入不小于 0 的整数"));
        assertTrue(body.contains("退款金额不能大于成交金额"));
        assertTrue(body.contains("同一场次的同一商品已在前面的行中填写"));
        assertTrue(body.matches("(?s).*<td class=\"num\">3</td>\\s*<td><span>成交金额（元）</span> <span class=\"hint\">（E 列）</span></td>.*"),
                "row 3, the column named by its header, its letter beside it: " + body);
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));

        Matcher link = Pattern.compile("href=\"(/imports/rejected/[^\"]+)\"").matcher(body);
        assertTrue(link.find());
        Browser.Page marked = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve(link.group(1))).header("Accept", "*/*"));
        assertEquals(200, marked.status());
        assertTrue(marked.header("Content-Disposition").endsWith("filename*=UTF-8''"
                + java.net.URLEncoder.encode("sales_问题标注.xlsx", java.nio.charset.StandardCharsets.UTF_8)),
                "named after the upload: " + marked.header("Content-Disposition"));
        KeptWorkbooks.keep("import-marked", marked.bytes());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(marked.bytes()))) {
            var cell = workbook.getSheetAt(1).getRow(2).getCell(4);
            assertNotNull(cell.getCellComment());
            assertEquals("金额最多两位小数（精确到分）。", cell.getCellComment().getString().getString());
        }
        Browser other = new Browser(server.getURI()).login("xingshan", Fixtures.PASSWORD);
        assertEquals(404, other.send(HttpRequest.newBuilder(server.getURI().resolve(link.group(1))).header("Accept", "*/*")).status(),
                "only the uploader gets the marked file");
    }

    @Test
    void implausibleUnitPriceNeedsConfirmation() throws Exception {
        byte[] file = filled(new Object[]{session + " · x", yunwu + " · x", 10, 10, 100000, 0});
        Browser.Page warned = upload(file, Map.of("county", "421124"));
        assertEquals(422, warned.status());
        assertTrue(warned.body().contains("成交单价 10000.00 元，与参考价 100.00 元相差超过 5 倍"),
                warned.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        Browser.Page confirmed = upload(file, Map.of("county", "421124", "confirm", "yes"));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void moreOrdersThanUnitsNeedsConfirmationAsInTheGrid() throws Exception {
        byte[] file = filled(new Object[]{session + " · x", yunwu + " · x", 80, 95, 8000, 0});
        Browser.Page warned = upload(file, Map.of("county", "421124"));
        assertEquals(422, warned.status());
        assertTrue(warned.body().contains("订单数 95 多于件数 80"), warned.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        Browser.Page confirmed = upload(file, Map.of("county", "421124", "confirm", "yes"));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("80 95", fixtures.value("SELECT CONCAT_WS(' ', units, orders) FROM sale_line"));
    }

    @Test
    void hostileFilesAreRefusedWithAClearMessageAndTheServerStaysHealthy() throws Exception {
        byte[] good;
        try (XSSFWorkbook template = template(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            template.write(out);
            good = out.toByteArray();
        }
        assertRefused(new byte[0], "文件是空的");
        assertRefused("session,product\n1,2\n".getBytes(), "这不是 .xlsx 格式");
        byte[] ole2 = new byte[4096];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole2, 0, 8);
        assertRefused(ole2, "文件设置了密码");
        assertRefused(Uploads.withPart(good, "xl/worksheets/sheet2.xml", Uploads.bombSheet()), "压缩比过高");
        assertRefused(Uploads.withPart(good, "xl/workbook.xml", Uploads.externalEntityWorkbook()), "无法读取此文件");
        assertRefused(new byte[UploadedWorkbook.MAX_BYTES + 10], "文件太大");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals(200, coordinator.get("/campaigns/" + campaign + "/import").status(), "still healthy");
    }

    @Test
    void aFileOfTwentyThousandBadRowsStopsAtAThousandProblemsAndSaysSo() throws Exception {
        Object[][] rows = new Object[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"第三场", yunwu + " · 英山云雾", 1, 1, 100, 0};
        }
        Browser.Page page = upload(filled(rows), Map.of("county", "421124"));
        assertEquals(422, page.status());
        String body = page.body();
        assertTrue(body.contains("第 1002 行起未再读取：问题超过 1000 个，后面的行没有再检查。请先改正下表中的问题再上传。"), body);
        assertTrue(body.contains("仅列出前 200 个问题（共 1000 个）。"), body);
        assertTrue(body.contains("文件太大，无法标出出错的单元格"), "20,000 rows are more than a file opened whole");
        assertEquals(200, Pattern.compile("<td class=\"wrap\">请从下拉列表中选择").matcher(body).results().count(),
                "the report lists 200 problems");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void theMarkedCopyMarksTheProblemsTheReportLists() throws Exception {
        Object[][] rows = new Object[1_500][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"第三场", yunwu + " · 英山云雾", 1, 1, 100, 0};
        }
        String body = upload(filled(rows), Map.of("county", "421124")).body();
        assertTrue(body.contains("仅列出并在文件中标出前 200 个问题（共 1000 个）。"), body);
        Matcher link = Pattern.compile("href=\"(/imports/rejected/[^\"]+)\"").matcher(body);
        assertTrue(link.find(), body);
        Browser.Page marked = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve(link.group(1))).header("Accept", "*/*"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(marked.bytes()))) {
            Sheet data = workbook.getSheetAt(1);
            assertEquals(200, data.getCellComments().size(), "the problems listed are the ones marked");
            assertNotNull(data.getRow(200).getCell(0).getCellComment(), "row 201, the 200th problem");
            assertNull(data.getRow(201).getCell(0).getCellComment(), "row 202 is not marked");
        }
    }

    @Test
    void aFileTooLargeToMarkIsReportedWithoutAMarkedCopy() throws Exception {
        byte[] file = filled(new Object[]{session + " · x", yunwu + " · x", "abc", 1, 100, 0});
        // 6 MB of a four-letter alphabet inflates the sheet beyond what is opened whole, at a ratio of about 4:1
        byte[] sheet = Uploads.part(file, "xl/worksheets/sheet2.xml");
        String xml = new String(sheet, StandardCharsets.UTF_8);
        Random random = new Random(12);
        StringBuilder padding = new StringBuilder("<!--");
        for (int i = 0; i < 6 * 1024 * 1024; i++) {
            padding.append("ACGT".charAt(random.nextInt(4)));
        }
        padding.append("-->");
        int data = xml.indexOf("<sheetData");
        byte[] padded = (xml.substring(0, data) + padding + xml.substring(data)).getBytes(StandardCharsets.UTF_8);
        byte[] large = Uploads.withPart(file, "xl/worksheets/sheet2.xml", padded);
        assertTrue(large.length < UploadedWorkbook.MAX_BYTES, "within the upload limit: " + large.length);

        Browser.Page page = upload(large, Map.of("county", "421124"));
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains("请输入不小于 0 的整数"), page.body());
        assertTrue(page.body().contains("文件太大，无法标出出错的单元格"), page.body());
        assertFalse(page.body().contains("/imports/rejected/"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import_rejection"));
    }

    @Test
    void aMarkedCopyIsKeptOnlyWhenTheDatabaseTakesItInOneStatement() {
        long user = Long.parseLong(fixtures.value("SELECT id FROM app_user WHERE username = 'yingshan'"));
        long packet = Long.parseLong(fixtures.value("SELECT @@max_allowed_packet"));
        assertNull(rejections.keep(user, "large.xlsx", new byte[(int) Math.min(Rejections.MAX_BYTES, packet) + 1]));
        assertNotNull(rejections.keep(user, "small.xlsx", new byte[1000]));
        assertEquals("small.xlsx", fixtures.value("SELECT file_name FROM sale_import_rejection"));
    }

    @Test
    void aSmallFileThatUnpacksBeyondAHundredMegabytesIsRefusedUnread() throws Exception {
        byte[] good = filled(new Object[]{session + " · x", yunwu + " · x", 1, 1, 100, 0});
        // four sheets of 30 MB each: none is a bomb by its own ratio, together they are too much to read
        byte[] sheet = Uploads.paddedSheet(30 * 1024 * 1024);
        byte[] file = good;
        for (int i = 1; i <= 4; i++) {
            file = Uploads.withExtraPart(file, "xl/worksheets/padding" + i + ".xml", sheet);
        }
        assertTrue(file.length < UploadedWorkbook.MAX_BYTES, "within the upload limit: " + file.length);
        assertRefused(file, "文件解压后超过 100 MB，已拒绝。");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @Test
    void othersCannotImport() throws Exception {
        byte[] file = filled(new Object[]{session + " · x", yunwu + " · x", 1, 1, 100, 0});
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals(403, staff.get("/campaigns/" + campaign + "/import").status());
        Browser other = new Browser(server.getURI()).login("xingshan", Fixtures.PASSWORD);
        Browser.Page wrongCounty = Uploads.upload(other, server.getURI(), "/campaigns/" + campaign + "/import",
                Map.of("csrf", other.csrfToken(), "county", "421124"), "x.xlsx", file);
        assertEquals(422, wrongCounty.status(), "not one of the user's counties");
        Browser.Page noToken = Uploads.upload(coordinator, server.getURI(), "/campaigns/" + campaign + "/import",
                Map.of("county", "421124"), "x.xlsx", file);
        assertEquals(403, noToken.status());
        fixtures.execute("UPDATE campaign SET status = 'CLOSED'");
        Browser.Page closed = upload(file, Map.of("county", "421124"));
        assertEquals(409, closed.status());
        assertTrue(closed.body().contains("活动已结束"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    private void assertRefused(byte[] file, String message) {
        Browser.Page page = upload(file, Map.of("county", "421124"));
        assertEquals(422, page.status(), page.body());
        assertTrue(page.body().contains(message), page.body());
        assertFalse(page.body().contains("Exception"));
    }

    private Browser.Page upload(byte[] file, Map<String, String> fields) {
        coordinator.get("/campaigns/" + campaign + "/import");
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("csrf", coordinator.csrfToken());
        return Uploads.upload(coordinator, server.getURI(), "/campaigns/" + campaign + "/import", all, "sales.xlsx", file);
    }

    private XSSFWorkbook template() throws Exception {
        Browser.Page page = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve(
                "/campaigns/" + campaign + "/import/template.xlsx?county=421124")).header("Accept", "*/*"));
        assertEquals(200, page.status(), page.body());
        return new XSSFWorkbook(new ByteArrayInputStream(KeptWorkbooks.keep("import-template", page.bytes())));
    }

    /** The template with the given rows filled in; numbers as numbers, strings as typed. */
    private byte[] filled(Object[]... rows) throws Exception {
        try (XSSFWorkbook workbook = template(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.getSheetAt(1);
            SheetFill.belowHeader(data, rows);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}

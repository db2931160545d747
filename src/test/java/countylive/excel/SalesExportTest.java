package countylive.excel;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SalesExportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.coordinatorOf("anxi", "350524");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124'), (?, '420526')", campaign, campaign);
        fixtures.execute("INSERT INTO host (name, platform, handle, created_at, updated_at) VALUES "
                + "('李佳', 'DOUYIN', 'lj', NOW(), NOW()), ('王芳', 'DOUYIN', 'wf', NOW(), NOW())");
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), "
                + "('=HYPERLINK(\"http://x\")', '茶', '盒', NULL, '421124', NOW(), NOW()), "
                + "('兴山白茶', '茶', '盒', 80.00, '420526', NOW(), NOW())");
        session("421124", "2020-04-10 19:00:00");
        session("420526", "2020-04-11 20:00:00");
        long yingshan = Long.parseLong(fixtures.value("SELECT id FROM live_session WHERE county_code = '421124'"));
        long xingshan = Long.parseLong(fixtures.value("SELECT id FROM live_session WHERE county_code = '420526'"));
        fixtures.execute("INSERT INTO live_session_host SELECT ?, id FROM host", yingshan);
        line(yingshan, "英山云雾", 1200, 1100, "123456.78", "1000.50");
        line(yingshan, "=HYPERLINK(\"http://x\")", 3, 3, "300.00", "0");
        line(xingshan, "兴山白茶", 10, 9, "800.00", "0");
    }

    @Test
    void associationGetsEveryLineWithNumbersAsNumbers() throws IOException {
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        Browser.Page download = staff.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns/" + campaign + "/sales.xlsx")));
        assertEquals(200, download.status(), download.body());
        assertTrue(download.header("Content-Disposition").contains("filename*=UTF-8''%E6%98%A5%E8%8C%B6_"),
                download.header("Content-Disposition"));
        KeptWorkbooks.keep("sales-lines-zh", download.bytes());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            Sheet sheet = workbook.getSheet("销售明细");
            assertEquals("成交金额（元）", sheet.getRow(0).getCell(14).getStringCellValue());
            assertEquals(3, sheet.getLastRowNum(), "header and three lines");
            assertTrue(sheet.getPaneInformation().isFreezePane(), "header row frozen");
            Row first = sheet.getRow(1);
            assertEquals("英山县", first.getCell(7).getStringCellValue());
            assertEquals("李佳、王芳", first.getCell(8).getStringCellValue());
            Cell gross = first.getCell(14);
            assertEquals(CellType.NUMERIC, gross.getCellType());
            assertEquals(123456.78, gross.getNumericCellValue(), 0.0);
            assertEquals("\"¥\"#,##0.00", gross.getCellStyle().getDataFormatString());
            assertEquals(122456.28, first.getCell(16).getNumericCellValue(), 1e-9, "net = gross - refunds");
            assertEquals(CellType.NUMERIC, first.getCell(12).getCellType());
            assertEquals(1200, first.getCell(12).getNumericCellValue(), 0.0);
            assertNull(first.getCell(11), "blank stays blank");
            Row formula = sheet.getRow(2);
            Cell product = formula.getCell(9);
            assertEquals(CellType.STRING, product.getCellType());
            assertEquals("=HYPERLINK(\"http://x\")", product.getStringCellValue());
            assertTrue(product.getCellStyle().getQuotePrefixed(), "formula-like text is marked literal");
            assertEquals("兴山县", sheet.getRow(3).getCell(7).getStringCellValue());
            assertNull(sheet.getRow(3).getCell(8), "a session without hosts has a blank hosts cell");
        }
    }

    @Test
    void coordinatorGetsOnlyTheirCountysLines() throws IOException {
        Browser coordinator = new Browser(server.getURI()).language("en").login("yingshan", Fixtures.PASSWORD);
        Browser.Page download = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns/" + campaign + "/sales.xlsx")));
        assertEquals(200, download.status());
        KeptWorkbooks.keep("sales-lines-en", download.bytes());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            Sheet sheet = workbook.getSheet("Sales lines");
            assertEquals("Gross (yuan)", sheet.getRow(0).getCell(14).getStringCellValue());
            assertEquals(2, sheet.getLastRowNum());
            for (int r = 1; r <= 2; r++) {
                assertEquals("421124", sheet.getRow(r).getCell(6).getStringCellValue());
            }
        }
    }

    @Test
    void coordinatorOfAnotherCountyGets404AndCannotExportEverything() {
        Browser coordinator = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        assertEquals(404, download(coordinator, "/campaigns/" + campaign + "/sales.xlsx").status());
        assertEquals(403, download(coordinator, "/sales.xlsx").status());
        assertEquals(404, download(coordinator, "/campaigns/999999/sales.xlsx").status());
    }

    @Test
    void allCampaignsExportHasEveryLine() throws IOException {
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        Browser.Page download = staff.send(HttpRequest.newBuilder(server.getURI().resolve("/sales.xlsx")));
        assertEquals(200, download.status());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            assertEquals(3, workbook.getSheetAt(0).getLastRowNum());
        }
    }

    /**
     * Lines come in the order of campaign, day, county, session and product, whatever order the
     * sessions were entered in, and every filter of the lines page selects the same lines as in SQL.
     */
    @Test
    void linesComeInDayCountySessionOrderAndFiltersSelectTheSameLines() throws IOException {
        // entered after the others: a later id on an earlier day, and a second session on a day
        session("421124", "2020-04-09 08:00:00");
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "created_at, updated_at) VALUES (?, '421124', 'KUAISHOU', '2020-04-10', '2020-04-10 08:00:00', "
                + "'2020-04-10 09:00:00', NOW(), NOW())", campaign);
        long early = Long.parseLong(fixtures.value("SELECT id FROM live_session WHERE live_date = '2020-04-09'"));
        long second = Long.parseLong(fixtures.value("SELECT id FROM live_session WHERE platform = 'KUAISHOU'"));
        line(early, "英山云雾", 1, 1, "10.00", "0");
        line(second, "英山云雾", 2, 2, "20.00", "0");
        line(second, "=HYPERLINK(\"http://x\")", 4, 4, "40.00", "0");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        String all = "SELECT CONCAT(l.session_id, '/', p.name) FROM sale_line l JOIN live_session s ON s.id = l.session_id "
                + "JOIN product p ON p.id = l.product_id "
                + "WHERE l.campaign_id = " + campaign;
        String order = " ORDER BY l.campaign_id, l.live_date, l.county_code, l.session_id, l.product_id";
        long host = Long.parseLong(fixtures.value("SELECT id FROM host WHERE name = '王芳'"));
        long product = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山云雾'"));
        String[][] cases = {
                {"", ""},
                {"&platform=KUAISHOU", " AND s.platform = 'KUAISHOU'"},
                {"&host=" + host, " AND l.session_id IN (SELECT session_id FROM live_session_host WHERE host_id = " + host + ")"},
                {"&product=" + product, " AND l.product_id = " + product},
                {"&county=421124&from=2020-04-10", " AND l.county_code = '421124' AND l.live_date >= '2020-04-10'"}};
        for (String[] c : cases) {
            Browser.Page download = staff.send(HttpRequest.newBuilder(server.getURI()
                    .resolve("/lines.xlsx?campaign=" + campaign + c[0])).header("Accept", "*/*"));
            assertEquals(200, download.status(), c[0]);
            List<String> expected = fixtures.column(all + c[1] + order);
            List<String> exported = new ArrayList<>();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
                Sheet sheet = workbook.getSheetAt(0);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    exported.add((long) sheet.getRow(r).getCell(1).getNumericCellValue() + "/"
                            + sheet.getRow(r).getCell(9).getStringCellValue());
                }
            }
            assertTrue(expected.size() > 0, c[0]);
            assertEquals(expected, exported, "lines and their order for the filter '" + c[0] + "'");
        }
    }

    /** A browser following a download link accepts anything. */
    private Browser.Page download(Browser browser, String path) {
        return browser.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "*/*"));
    }

    private void session(String county, String start) {
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "views, created_at, updated_at) VALUES (?, ?, 'DOUYIN', DATE(?), ?, DATE_ADD(?, INTERVAL 2 HOUR), "
                + "NULL, NOW(), NOW())", campaign, county, start, start, start);
    }

    private void line(long session, String product, long units, long orders, String gross, String refunds) {
        fixtures.execute("INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, units, "
                + "orders, gross, refunds, created_at, updated_at) SELECT s.id, s.campaign_id, s.county_code, s.live_date, "
                + "p.id, ?, ?, ?, ?, NOW(), NOW() FROM live_session s, product p WHERE s.id = ? AND p.name = ?",
                units, orders, new java.math.BigDecimal(gross), new java.math.BigDecimal(refunds), session, product);
    }
}

package countylive.e2e;

import countylive.host.Platform;
import countylive.ledger.LineFigures;
import countylive.ledger.SessionDraft;
import countylive.livestream.EntryData;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import static countylive.e2e.Journeys.clickAndWait;
import static countylive.e2e.Journeys.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Association staff read a filtered summary in English and download it; a coordinator imports sales. */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class StaffAndImportJourneyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;
    long session;

    @BeforeEach
    void setUp() throws IOException {
        fixtures.clean();
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶助农直播', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124'), (?, '350524')", campaign, campaign);
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), ('英山毛尖', '茶', '盒', 50.00, '421124', NOW(), NOW()), "
                + "('安溪铁观音', '茶', '盒', 200.00, '350524', NOW(), NOW())");
        // sessions and sales as the application writes them: through the ledger
        session = session("421124", "2020-04-10", 5000);
        long anxi = session("350524", "2020-04-11", 9000);
        new EntryData(fixtures).sell(anxi, Long.parseLong(fixtures.value("SELECT id FROM product WHERE county_code = '350524'")),
                new LineFigures(40, 38, new BigDecimal("8000.00"), new BigDecimal("200.00")));
    }

    private long session(String county, String day, long views) {
        java.time.LocalDate date = java.time.LocalDate.parse(day);
        return fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, county, Platform.DOUYIN,
                date.atTime(19, 0), date.atTime(21, 0), views, null, null, null, java.util.Set.of(), java.util.Set.of(),
                null), null);
    }

    @Test
    void staffFilterTheSummaryInEnglishAndTheWorkbookMatchesThePage() throws Exception {
        Path downloads = Files.createDirectories(Path.of("target", "e2e-downloads", "staff-" + System.nanoTime()));
        WebDriver browser = BrowserJourney.track(Chromium.start(1280, 900, downloads));
        browser.get(server.getURI() + "/login");
        browser.findElement(By.id("username")).sendKeys("staff");
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        clickAndWait(browser, browser.findElement(By.cssSelector(".lang-switch button")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));

        // 英山 sells ¥10,000.00 beside 安溪's ¥8,000.00: as text the order would be the other way round
        new EntryData(fixtures).sell(session, Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山云雾'")),
                new LineFigures(9, 9, new BigDecimal("10000.00"), BigDecimal.ZERO.setScale(2)));
        browser.get(server.getURI() + "/campaigns/" + campaign + "/summary");
        // the county table sorts by the figure read back from its formatted text
        WebElement counties = browser.findElement(By.cssSelector("#by-county + .table-wrap table"));
        WebElement grossHeader = counties.findElements(By.cssSelector("thead th button")).get(7);
        assertEquals("Gross sales", grossHeader.getText());
        grossHeader.click();
        assertEquals(List.of("421124", "350524"), countyOrder(counties), "descending");
        grossHeader.click();
        assertEquals(List.of("350524", "421124"), countyOrder(counties), "ascending: 8,000 before 10,000");

        new Select(browser.findElement(By.name("province"))).selectByVisibleText("福建省");
        clickAndWait(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertTrue(browser.getCurrentUrl().contains("province=350000"), browser.getCurrentUrl());
        String gross = browser.findElement(By.id("fig-gross")).getText();
        assertEquals("¥8,000.00", gross, "only Fujian's sales");
        String units = browser.findElement(By.id("fig-units")).getText();

        browser.findElement(By.linkText("Download the workbook (Excel)")).click();
        Path workbook = waitForDownload(downloads);
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet headline = book.getSheetAt(0);
            assertEquals("Headline", headline.getSheetName());
            assertTrue(headline.getRow(2).getCell(0).getStringCellValue().contains("福建省"), "the filter is in the header");
            assertEquals(new BigDecimal(gross.replace("¥", "").replace(",", "")).doubleValue(),
                    valueOf(headline, "Gross sales"), 0.0);
            assertEquals(Double.parseDouble(units.replace(",", "")), valueOf(headline, "Units sold"), 0.0);
        }
    }

    private static List<String> countyOrder(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr")).stream().map(row -> row.getAttribute("data-county")).toList();
    }

    @Test
    void coordinatorFixesABadRowAndImportsAgain() throws Exception {
        WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", 1280, 900);
        browser.get(server.getURI() + "/campaigns/" + campaign + "/import");
        long yunwu = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山云雾'"));
        long maojian = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山毛尖'"));
        Path file = Files.createTempFile(Path.of("target"), "import", ".xlsx");
        writeImport(file, yunwu, maojian, "12.345");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        String report = browser.findElement(By.cssSelector(".import-report")).getText();
        assertTrue(report.contains("金额最多两位小数"), report);
        assertTrue(report.contains("E"), "the column is named");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line WHERE county_code = '421124'"), "nothing imported");

        writeImport(file, yunwu, maojian, "1234.50");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("已导入 2 条销售记录"));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM sale_line WHERE county_code = '421124'"));
        Files.deleteIfExists(file);
    }

    private void writeImport(Path file, long first, long second, String secondGross) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("填写说明");
            Sheet data = workbook.createSheet("销售");
            data.createRow(0).createCell(0).setCellValue("直播场次");
            Object[][] rows = {{session + " · 2020-04-10 19:00 · 抖音", first + " · 英山云雾", 100, 90, "9999.50", "0"},
                    {session + " · 2020-04-10 19:00 · 抖音", second + " · 英山毛尖", 20, 20, secondGross, "0"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = data.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static double valueOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row " + label);
    }

    /** The browser's download, once it is complete. */
    private static Path waitForDownload(Path folder) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            try (Stream<Path> files = Files.list(folder)) {
                var done = files.filter(f -> f.toString().endsWith(".xlsx")).max(Comparator.comparing(Path::toString));
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no workbook was downloaded into " + folder);
    }
}

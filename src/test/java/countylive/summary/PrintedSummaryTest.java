package countylive.summary;

import countylive.excel.KeptWorkbooks;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Summary workbooks the size of a real small campaign, kept for CI to print: the kiwi campaign
 * (three counties, a few hosts and products, a week) must fit on at most eight pages, one a sheet,
 * each chart on its table's page; a campaign of many days puts its chart on a page of its own.
 * CI counts the pages and looks for the bars' colour ({@code .ci/run}); this test checks what
 * POI can see: where the charts are and where the pages break.
 */
@MicronautTest(transactional = false)
class PrintedSummaryTest {

    /** Kept under this name: CI holds its PDF to at most eight pages. */
    static final String KIWI = "summary-kiwi";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    SummaryData data;
    Browser staff;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.association("staff");
        data = new SummaryData(fixtures);
        staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
    }

    @Test
    void kiwiSizedSummaryPutsEachChartOnItsTablesPage() throws IOException {
        long campaign = kiwiCampaign();
        try (XSSFWorkbook workbook = download(campaign, KIWI)) {
            for (String name : new String[]{"按县", "按日"}) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertArrayEquals(new int[0], sheet.getRowBreaks(), name + ": table and chart fit on one page");
                assertEquals(sheet.getLastRowNum() + 2, chartAnchor(sheet).getRow1(),
                        name + ": the chart one row below the totals");
            }
        }
    }

    @Test
    void chartBelowALongTableStartsAPageOfItsOwn() throws IOException {
        long campaign = data.campaign("长期助农", "2021-06-01", "2021-07-31", null, null);
        data.county(campaign, "610124", false);
        long host = data.host("主播长");
        long product = data.product("周至猕猴桃", "610124");
        LocalDate day = LocalDate.parse("2021-06-01");
        for (int i = 0; i < 45; i++, day = day.plusDays(1)) {
            long session = data.session(campaign, "610124", day.toString(), "19:00", "21:00", 1000L + i, null, null,
                    new long[]{host}, new long[]{});
            data.sale(session, product, 10 + i, 9, (100 + i) + ".50", "0.00");
        }
        try (XSSFWorkbook workbook = download(campaign, "summary-long")) {
            XSSFSheet days = workbook.getSheet("按日");
            int chartTop = chartAnchor(days).getRow1();
            assertArrayEquals(new int[]{chartTop - 1}, days.getRowBreaks(), "a page break just above the chart");
        }
    }

    /** Three kiwi counties of Shaanxi, four hosts, five products, three officials, seven days. */
    private long kiwiCampaign() {
        long campaign = data.campaign("猕猴桃助农直播", "2021-09-01", "2021-09-07", "300000.00", 500);
        data.partner(campaign, "抖音", "PLATFORM");
        data.partner(campaign, "陕西省果业协会", "ASSOCIATION");
        String[] counties = {"610124", "610326", "610722"};
        for (String county : counties) {
            data.county(campaign, county, false);
        }
        long[] hosts = {data.host("李猕猴"), data.host("王果果"), data.host("张甜甜"), data.host("赵农农")};
        long[] officials = {data.official("周县长", "610124"), data.official("眉县长", "610326"),
                data.official("城县长", "610722")};
        long[][] products = {{data.product("周至徐香猕猴桃", "610124"), data.product("周至翠香猕猴桃", "610124")},
                {data.product("眉县红心猕猴桃", "610326"), data.product("眉县海沃德", "610326")},
                {data.product("城固蜜桔", "610722")}};
        for (int day = 1; day <= 7; day++) {
            int c = day % 3;
            String date = "2021-09-0" + day;
            long session = data.session(campaign, counties[c], date, "19:00", "21:30", 20_000L + day * 1_000, null,
                    1_500L + day * 10, new long[]{hosts[day % 4], hosts[(day + 1) % 4]}, new long[]{officials[c]});
            for (long product : products[c]) {
                data.sale(session, product, 300 + day, 280 + day, (9_000 + day * 137) + ".35", (day * 12) + ".00");
            }
        }
        for (int h = 0; h < 6; h++) {
            String county = counties[h % 3];
            data.link(campaign, data.household("KIWI" + h, county, 3 + h % 3), county, products[h % 3][0]);
        }
        return campaign;
    }

    private XSSFWorkbook download(long campaign, String keepAs) throws IOException {
        Browser.Page page = staff.send(HttpRequest.newBuilder(
                server.getURI().resolve("/campaigns/" + campaign + "/summary.xlsx")).header("Accept", "*/*"));
        assertEquals(200, page.status(), page.body());
        KeptWorkbooks.keep(keepAs, page.bytes());
        return new XSSFWorkbook(new ByteArrayInputStream(page.bytes()));
    }

    private static XSSFClientAnchor chartAnchor(XSSFSheet sheet) {
        for (XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
            if (shape instanceof XSSFGraphicFrame frame) {
                return (XSSFClientAnchor) frame.getAnchor();
            }
        }
        throw new AssertionError("no chart on " + sheet.getSheetName());
    }
}

package countylive.excel;

import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sale line has one rule set: the same bad value typed into the sales grid and into an import
 * file gives the same message, in both languages, and writes nothing.
 */
@MicronautTest(transactional = false)
class SameRulesForGridAndImportTest {

    /** A bad line: units, orders, gross, refunds as typed, and the field whose message is expected. */
    record Bad(String units, String orders, String gross, String refunds, String field) {
    }

    private static final List<Bad> BAD = List.of(
            new Bad("abc", "1", "100", "", "units"),
            new Bad("-5", "1", "100", "", "units"),
            new Bad("2.5", "1", "100", "", "units"),
            new Bad("9999999999999", "1", "100", "", "units"),
            new Bad("10", "", "100", "", "orders"),
            new Bad("10", "x", "100", "", "orders"),
            new Bad("10", "1", "12.345", "", "gross"),
            new Bad("10", "1", "1e3", "", "gross"),
            new Bad("10", "1", "-100", "", "gross"),
            new Bad("10", "1", "", "", "gross"),
            new Bad("10", "1", "9999999999999.00", "", "gross"),
            new Bad("10", "1", "100", "1,00", "refunds"),
            new Bad("10", "1", "100", "150", "refunds"));
    private static final String[] FIELDS = {"units", "orders", "gross", "refunds"};
    private static final Pattern GRID_ERROR = Pattern.compile(
            "name=\"(units|orders|gross|refunds)\"[^>]*>\\s*<p class=\"field-error\"[^>]*>([^<]+)</p>");
    private static final Pattern IMPORT_ERROR = Pattern.compile(
            "<td class=\"num\">(\\d+)</td>\\s*<td><span>[^<]+</span> <span class=\"hint\">\\D*?([A-Z])\\D*?</span></td>"
                    + "\\s*<td class=\"wrap\">([^<]+)</td>");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;
    long session;
    /** One product per bad row, so that no two rows of the file name the same line. */
    List<Long> products = new ArrayList<>();
    Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        EntryData data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        session = data.session(campaign, YINGSHAN, "2020-04-10");
        products.clear();
        for (int i = 0; i < BAD.size(); i++) {
            products.add(data.product("英山云雾茶" + i, YINGSHAN, "100.00"));
        }
        data.product("兴山白茶", XINGSHAN, null);
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void theSameBadValuesGiveTheSameMessagesInTheGridAndTheImport() throws Exception {
        sameMessages();
    }

    @Test
    void andSoInEnglish() throws Exception {
        coordinator.language("en");
        sameMessages();
    }

    private void sameMessages() throws Exception {
        Map<String, String> grid = new LinkedHashMap<>();
        for (Bad bad : BAD) {
            grid.put(bad.toString(), gridMessage(bad));
        }
        Map<String, String> imported = importMessages();
        assertEquals(grid, imported);
        assertFalse(grid.containsValue(null), "every bad value has a message: " + grid);
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));
    }

    /** The message under the bad cell of a grid saved with this one row. */
    private String gridMessage(Bad bad) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(
                Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", session)),
                Map.entry("submission", UUID.randomUUID().toString()),
                Map.entry("product", String.valueOf(products.get(BAD.indexOf(bad)))), Map.entry("units", bad.units()),
                Map.entry("orders", bad.orders()), Map.entry("gross", bad.gross()), Map.entry("refunds", bad.refunds())));
        Browser.Page page = coordinator.postMulti("/sessions/" + session + "/sales", form);
        assertEquals(422, page.status(), bad + ": " + page.body());
        Matcher error = GRID_ERROR.matcher(page.body());
        Map<String, String> messages = new HashMap<>();
        while (error.find()) {
            messages.put(error.group(1), error.group(2));
        }
        assertEquals(List.of(bad.field()), List.copyOf(messages.keySet()), bad + ": " + messages);
        return messages.get(bad.field());
    }

    /** The message of each bad row's cell when all of them are imported in one file, by row. */
    private Map<String, String> importMessages() throws Exception {
        byte[] file;
        Browser.Page template = coordinator.send(HttpRequest.newBuilder(server.getURI().resolve(
                "/campaigns/" + campaign + "/import/template.xlsx?county=" + YINGSHAN)).header("Accept", "*/*"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(1);
            for (int r = 0; r < BAD.size(); r++) {
                Bad bad = BAD.get(r);
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(session + " · 2020-04-10");
                row.createCell(1).setCellValue(products.get(r) + " · 英山云雾茶" + r);
                String[] typed = {bad.units(), bad.orders(), bad.gross(), bad.refunds()};
                for (int c = 0; c < typed.length; c++) {
                    if (!typed[c].isEmpty()) {
                        row.createCell(c + 2).setCellValue(typed[c]);
                    }
                }
            }
            workbook.write(out);
            file = out.toByteArray();
        }
        coordinator.get("/campaigns/" + campaign + "/import");
        Browser.Page page = Uploads.upload(coordinator, server.getURI(), "/campaigns/" + campaign + "/import",
                Map.of("csrf", coordinator.csrfToken(), "county", YINGSHAN), "bad.xlsx", file);
        assertEquals(422, page.status(), page.body());
        Map<String, String> messages = new LinkedHashMap<>();
        Matcher error = IMPORT_ERROR.matcher(page.body());
        while (error.find()) {
            Bad bad = BAD.get(Integer.parseInt(error.group(1)) - 2);
            String column = String.valueOf((char) ('C' + List.of(FIELDS).indexOf(bad.field())));
            assertEquals(column, error.group(2), bad + " is reported in its own column");
            messages.put(bad.toString(), error.group(3));
        }
        return messages;
    }
}

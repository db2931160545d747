package countylive.excel;

import countylive.trace.LineSelection;
import io.micrometer.core.annotation.Timed;
import countylive.web.Messages;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every sale line of a campaign (or of all campaigns) as one sheet. Rows go from a streaming
 * result set straight into the workbook as it is written out: neither the rows nor the sheet
 * are ever held in memory or in temporary files, so a million lines fit a small heap.
 */
@Singleton
public class SalesExport {

    static final String[] COLUMNS = {"campaign", "session", "date", "start", "platform", "province", "countyCode",
            "county", "hosts", "product", "unit", "onBehalf", "units", "orders", "gross", "refunds", "net"};

    private final DataSource dataSource;
    private final Messages messages;

    SalesExport(DataSource dataSource, DataSourceResolver resolver, Messages messages) {
        // the plain pool: the export streams outside any transaction of the request
        this.dataSource = resolver.resolve(dataSource);
        this.messages = messages;
    }

    /**
     * Writes the workbook of the selected lines: a campaign's, every campaign's, or those behind one
     * figure (the lines page's download).
     *
     * @param title what the export holds (the campaign's name), for the printed footer
     */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "sales.xlsx"})
    public void write(OutputStream out, Locale locale, LineSelection selection, String title, String generatedBy,
                      LocalDateTime generatedAt) throws IOException, SQLException {
        List<Object> countParameters = new ArrayList<>();
        String countSql = "SELECT COUNT(*) FROM sale_line l" + selection.sessionJoin() + " WHERE "
                + selection.lines(countParameters);
        List<Object> lineParameters = new ArrayList<>();
        String linesSql = linesSql(selection, lineParameters);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(countSql);
             DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook()) {
            bind(count, countParameters);
            long rows;
            try (ResultSet result = count.executeQuery()) {
                result.next();
                rows = result.getLong(1);
            }
            Styles styles = new Styles(workbook);
            DeferredSXSSFSheet sheet = workbook.createSheet(messages.get(locale, "excel.sheet.sales"));
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, (int) Math.max(rows, 1), 0, COLUMNS.length - 1));
            int[] widths = {24, 8, 11, 16, 9, 12, 9, 14, 24, 24, 7, 8, 10, 10, 15, 13, 15};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            PrintLayout.apply(sheet, 0, PrintLayout.Footer.of(messages, locale, title, generatedAt));
            sheet.setRowGenerator(target -> {
                Row header = target.createRow(0);
                for (int i = 0; i < COLUMNS.length; i++) {
                    Cells.header(header, i, messages.get(locale, "excel.column." + COLUMNS[i]), styles.header());
                }
                try (PreparedStatement lines = connection.prepareStatement(linesSql,
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    // Connector/J streams row by row only with this fetch size
                    lines.setFetchSize(Integer.MIN_VALUE);
                    bind(lines, lineParameters);
                    try (ResultSet line = lines.executeQuery()) {
                        int r = 1;
                        String yes = messages.get(locale, "excel.yes");
                        Map<String, String> platforms = new HashMap<>();
                        while (line.next()) {
                            String platform = platforms.computeIfAbsent(line.getString("platform"),
                                    code -> messages.get(locale, "platform." + code));
                            writeLine(target.createRow(r++), line, styles, yes, platform);
                        }
                    }
                }
            });
            var info = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            info.setCreator(generatedBy);
            info.setCreated(Optional.of(Date.from(generatedAt.atZone(ZoneId.systemDefault()).toInstant())));
            workbook.write(out);
        }
    }

    private static void writeLine(Row row, ResultSet line, Styles styles, String yes, String platform)
            throws SQLException {
        Cells.text(row, 0, line.getString("campaign"), styles);
        Cells.count(row, 1, line.getLong("session_id"), styles);
        Cells.date(row, 2, line.getObject("live_date", java.time.LocalDate.class), styles);
        Cells.dateTime(row, 3, line.getObject("starts_at", LocalDateTime.class), styles);
        Cells.text(row, 4, platform, styles);
        Cells.text(row, 5, line.getString("province"), styles);
        Cells.text(row, 6, line.getString("county_code"), styles);
        Cells.text(row, 7, line.getString("county"), styles);
        Cells.text(row, 8, line.getString("hosts"), styles);
        Cells.text(row, 9, line.getString("product"), styles);
        Cells.text(row, 10, line.getString("unit"), styles);
        Cells.text(row, 11, line.getBoolean("on_behalf") ? yes : null, styles);
        Cells.count(row, 12, line.getLong("units"), styles);
        Cells.count(row, 13, line.getLong("orders"), styles);
        Cells.money(row, 14, line.getBigDecimal("gross"), styles);
        Cells.money(row, 15, line.getBigDecimal("refunds"), styles);
        Cells.money(row, 16, line.getBigDecimal("gross").subtract(line.getBigDecimal("refunds")), styles);
    }

    /** The lines in order, with their names; the hosts' subquery is narrowed to the campaign when there is one. */
    private static String linesSql(LineSelection selection, List<Object> p) {
        String hostsOfSessions;
        if (selection.campaignId() == null) {
            hostsOfSessions = "SELECT sh.session_id, GROUP_CONCAT(h.name ORDER BY h.name SEPARATOR '、') AS hosts "
                    + "FROM live_session_host sh JOIN host h ON h.id = sh.host_id GROUP BY sh.session_id";
        } else {
            hostsOfSessions = "SELECT sh.session_id, GROUP_CONCAT(h.name ORDER BY h.name SEPARATOR '、') AS hosts "
                    + "FROM live_session s2 JOIN live_session_host sh ON sh.session_id = s2.id "
                    + "JOIN host h ON h.id = sh.host_id WHERE s2.campaign_id = ? GROUP BY sh.session_id";
            p.add(selection.campaignId());
        }
        String where = selection.lines(p);
        return """
                SELECT c.name AS campaign, l.session_id, l.live_date, s.starts_at, s.platform, pv.name AS province,
                       l.county_code, co.name AS county, hs.hosts, pr.name AS product, pr.unit, l.on_behalf,
                       l.units, l.orders, l.gross, l.refunds
                FROM sale_line l
                JOIN live_session s ON s.id = l.session_id
                JOIN campaign c ON c.id = l.campaign_id
                JOIN county co ON co.code = l.county_code
                JOIN province pv ON pv.code = co.province_code
                JOIN product pr ON pr.id = l.product_id
                LEFT JOIN (%s) hs ON hs.session_id = l.session_id
                WHERE %s
                ORDER BY l.campaign_id, l.live_date, l.county_code, l.session_id, l.product_id""".formatted(
                hostsOfSessions, where);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof java.time.LocalDate day ? java.sql.Date.valueOf(day) : value);
        }
    }
}

package countylive.summary;

import countylive.campaign.SignOffs;
import io.micrometer.core.annotation.Timed;
import countylive.excel.Cells;
import countylive.excel.PrintLayout;
import countylive.excel.Styles;
import countylive.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The summary as a workbook a person can hand on unchanged: the headline sheet, then by county,
 * by host, by official, by product, by day and the sessions, each with the same header block
 * (campaign, period, filter, when and by whom), a frozen and filtered header row, numbers as
 * numeric cells; native charts of sales per day and by county. The figures come from the same
 * queries as the page, with the same filter.
 */
@Singleton
class SummaryWorkbook {

    /** A sheet's rows must stay within what one workbook holds comfortably. */
    static final int MAX_SESSIONS = 100_000;
    private static final int HEADER_ROWS = 5;
    /** The first row of a table below its header row. */
    private static final int FIRST_ROW = HEADER_ROWS + 1;
    /** The rows of a streamed sheet kept in memory: the totals row needs none of them. */
    private static final int STREAMED_ROWS = 100;

    private final SummaryQueries queries;
    private final SummaryWorkbookSessions sessions;
    private final Messages messages;

    SummaryWorkbook(SummaryQueries queries, SummaryWorkbookSessions sessions, Messages messages) {
        this.queries = queries;
        this.sessions = sessions;
        this.messages = messages;
    }

    /** Rows handed over one at a time: from a list, or streamed from the database. */
    @FunctionalInterface
    interface Source<T> {
        void forEach(Consumer<T> each) throws SQLException;
    }

    /** What the header block of every sheet says. */
    record About(Rows.Campaign campaign, SummaryFilter filter, @Nullable String provinceName, String generatedBy,
                 LocalDateTime generatedAt, SignOffs.Tally tally, List<String> notAccepted) {
    }

    /**
     * Writes the workbook. The small sheets that carry a chart (by county, by day) and the headline
     * are built in memory; the others, the session list above all (50,000 rows for a campaign of a
     * million lines), stream through POI's SXSSF with a window of rows, so the workbook fits a 64 MB heap.
     */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "campaign.xlsx"})
    void write(OutputStream out, About about, Locale locale) throws IOException, SQLException {
        SummaryFilter filter = about.filter();
        XSSFWorkbook workbook = new XSSFWorkbook();
        Styles styles = new Styles(workbook);
        CellStyle percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        Texts t = new Texts(messages, locale);

        headline(workbook.createSheet(t.get("excel.summary.sheet.headline")), about, queries.headline(filter),
                styles, percent, t);

        List<Rows.County> counties = queries.byCounty(filter);
        XSSFSheet countySheet = workbook.createSheet(t.get("summary.byCounty"));
        int belowCounties = table(countySheet, about, styles, t, Footing.TOTALS,
                columns(SummaryColumns.COUNTY, t), counties);
        NativeBarChart.below(countySheet, t.get("summary.chart.counties"), FIRST_ROW, FIRST_ROW + counties.size() - 1,
                1, 8, belowCounties, 16);

        List<Rows.Day> days = queries.byDay(filter);
        String dayName = t.get("summary.byDay");
        XSSFSheet daySheet = workbook.createSheet(dayName);
        int belowDays = table(daySheet, about, styles, t, Footing.TOTALS,
                columns(SummaryColumns.DAY, t), days);
        NativeBarChart.below(daySheet, t.get("summary.chart.days"), FIRST_ROW, FIRST_ROW + days.size() - 1,
                0, 4, belowDays, 8);

        // the sheets below are written to temporary files as their rows are made (uncompressed:
        // compressing them cost more time than the disk), and those are removed when the workbook is closed
        try (SXSSFWorkbook streamed = new SXSSFWorkbook(workbook, STREAMED_ROWS)) {
            // a session with two hosts (or officials) counts for each: their rows add up to more than
            // the campaign's figures, so these two sheets say so instead of a totals row
            table(streamed.createSheet(t.get("summary.byHost")), about, styles, t, Footing.SHARED_NOTE,
                    columns(SummaryColumns.HOST, t), queries.byHost(filter));
            table(streamed.createSheet(t.get("summary.byOfficial")), about, styles, t, Footing.SHARED_NOTE,
                    columns(SummaryColumns.OFFICIAL, t), queries.byOfficial(filter));
            table(streamed.createSheet(t.get("summary.byProduct")), about, styles, t, Footing.TOTALS,
                    columns(SummaryColumns.PRODUCT, t), queries.byProduct(filter, Integer.MAX_VALUE).rows());
            // by day follows by product, as on the page
            workbook.setSheetOrder(dayName, workbook.getNumberOfSheets() - 1);
            Sheet sessionSheet = streamed.createSheet(t.get("summary.sessionList"));
            headerBlock(sessionSheet, about, styles, t);
            rows(sessionSheet, styles, t, Footing.TOTALS, columns(SummaryColumns.SESSION, t),
                    each -> sessions.forEach(filter, MAX_SESSIONS, each));
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            printable(streamed, PrintLayout.Footer.of(messages, locale, about.campaign().name(), about.generatedAt()));
            workbook.getProperties().getCoreProperties().setCreator(about.generatedBy());
            streamed.write(out);
        }
    }

    /** The overview across campaigns: national figures, by campaign, by province. */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "overview.xlsx"})
    void writeOverview(OutputStream out, OverviewQueries overview, boolean acceptedOnly, String generatedBy,
                       LocalDateTime generatedAt, Locale locale) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Texts t = new Texts(messages, locale);
            Rows.ProvinceTotal national = overview.national(acceptedOnly);
            long[] people = overview.nationalPeople(acceptedOnly);
            XSSFSheet first = workbook.createSheet(t.get("summary.overview.national"));
            int r = overviewBlock(first, acceptedOnly, generatedBy, generatedAt, styles, t);
            Row header = first.createRow(r++);
            Cells.header(header, 0, t.get("excel.summary.figure"), styles.header());
            Cells.header(header, 1, t.get("excel.summary.value"), styles.header());
            first.createFreezePane(0, r);
            first.setColumnWidth(0, 30 * 256);
            first.setColumnWidth(1, 20 * 256);
            Object[][] figures = {{"summary.overview.campaigns", national.campaigns()},
                    {"summary.counties", national.counties()}, {"summary.sessions", national.sessions()},
                    {"summary.units", national.units()}, {"summary.gross", new Money(national.gross())},
                    {"summary.refunds", new Money(national.refunds())}, {"summary.net", new Money(national.net())},
                    {"summary.views", national.views()}, {"summary.households", people[0]},
                    {"summary.people", people[1]}};
            for (Object[] figure : figures) {
                Row row = first.createRow(r++);
                Cells.text(row, 0, t.get((String) figure[0]), styles);
                value(row, 1, figure[1], styles, null);
            }
            first.setAutoFilter(new CellRangeAddress(HEADER_ROWS, r - 1, 0, 1));
            XSSFSheet campaigns = workbook.createSheet(t.get("summary.overview.byCampaign"));
            overviewBlock(campaigns, acceptedOnly, generatedBy, generatedAt, styles, t);
            // no totals: a county or a household in two campaigns counts once in the national figures
            rows(campaigns, styles, t, Footing.NONE, List.of(
                    col("summary.overview.campaign", 28, (Rows.CampaignTotal c) -> c.name()),
                    col("excel.summary.startsOn", 12, Rows.CampaignTotal::startsOn),
                    col("excel.summary.endsOn", 12, Rows.CampaignTotal::endsOn),
                    col("summary.counties", 10, Rows.CampaignTotal::counties),
                    col("signoff.state.ACCEPTED", 10, Rows.CampaignTotal::acceptedCounties),
                    col("summary.sessions", 10, Rows.CampaignTotal::sessions),
                    col("summary.units", 12, Rows.CampaignTotal::units),
                    money("summary.gross", Rows.CampaignTotal::gross),
                    money("summary.refunds", Rows.CampaignTotal::refunds),
                    money("summary.net", Rows.CampaignTotal::net),
                    col("summary.views", 14, Rows.CampaignTotal::views),
                    col("summary.people", 12, Rows.CampaignTotal::people)), overview.campaigns(acceptedOnly));
            XSSFSheet provinces = workbook.createSheet(t.get("summary.overview.byProvince"));
            overviewBlock(provinces, acceptedOnly, generatedBy, generatedAt, styles, t);
            rows(provinces, styles, t, Footing.NONE, List.of(
                    col("summary.col.province", 14, (Rows.ProvinceTotal p) -> p.name()),
                    col("summary.overview.campaigns", 10, Rows.ProvinceTotal::campaigns),
                    col("summary.counties", 10, Rows.ProvinceTotal::counties),
                    col("summary.sessions", 10, Rows.ProvinceTotal::sessions),
                    col("summary.units", 12, Rows.ProvinceTotal::units),
                    money("summary.gross", Rows.ProvinceTotal::gross),
                    money("summary.refunds", Rows.ProvinceTotal::refunds),
                    money("summary.net", Rows.ProvinceTotal::net),
                    col("summary.views", 14, Rows.ProvinceTotal::views)), overview.provinces(acceptedOnly));
            printable(workbook, PrintLayout.Footer.of(messages, locale, t.get("summary.overview.title"), generatedAt));
            workbook.getProperties().getCoreProperties().setCreator(generatedBy);
            workbook.write(out);
        }
    }

    private int overviewBlock(XSSFSheet sheet, boolean acceptedOnly, String generatedBy, LocalDateTime generatedAt,
                              Styles styles, Texts t) {
        Cells.header(sheet.createRow(0), 0, t.get("summary.overview.title"), styles.title());
        if (acceptedOnly) {
            Cells.text(sheet.createRow(2), 0, t.get("signoff.workbook.acceptedOnly"), styles);
        }
        Cells.text(sheet.createRow(3), 0, t.get("excel.summary.generated",
                generatedAt.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), generatedBy), styles);
        return HEADER_ROWS;
    }

    private void headline(XSSFSheet sheet, About about, Headline h, Styles styles, CellStyle percent, Texts t) {
        int r = headerBlock(sheet, about, styles, t);
        Row header = sheet.createRow(r++);
        Cells.header(header, 0, t.get("excel.summary.figure"), styles.header());
        Cells.header(header, 1, t.get("excel.summary.value"), styles.header());
        sheet.createFreezePane(0, r);
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 20 * 256);
        String partners = String.join(t.get("list.separator"), queries.partners(about.campaign().id()).stream()
                .map(p -> t.get("excel.summary.partner", p.name(), t.get("partner.kind." + p.kind()))).toList());
        Object[][] figures = {
                {"campaign.status", t.get("campaign.status." + about.campaign().status())},
                {"summary.partners", partners},
                {"summary.counties", h.counties()}, {"excel.summary.povertyCounties", h.povertyCounties()},
                {"summary.officials", h.officials()}, {"summary.hosts", h.hosts()},
                {"summary.sessions", h.sessions()}, {"summary.hours", h.hours()},
                {"summary.units", h.units()}, {"summary.orders", h.orders()},
                {"summary.gross", new Money(h.gross())}, {"summary.refunds", new Money(h.refunds())},
                {"summary.net", new Money(h.net())}, {"summary.views", h.views()},
                {"summary.peak", h.peakViewers()}, {"summary.people", h.people()},
                {"summary.households", h.households()},
                {"summary.aov", new Money(h.averageOrderValue())}, {"summary.gpm", new Money(h.gpm())},
                {"summary.netPerPerson", new Money(h.netPerPerson())},
                {"summary.progressGross", new Percent(Headline.progress(h.gross(), about.campaign().targetGross()))},
                {"summary.progressPeople", new Percent(Headline.progress(h.people(), about.campaign().targetPeople()))}};
        for (Object[] figure : figures) {
            Row row = sheet.createRow(r++);
            Cells.text(row, 0, t.get((String) figure[0]), styles);
            value(row, 1, figure[1], styles, percent);
        }
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS, r - 1, 0, 1));
    }

    /** @return the first row below the table and what follows it */
    private <T> int table(Sheet sheet, About about, Styles styles, Texts t, Footing footing, List<Column<T>> columns,
                          List<T> rows) {
        headerBlock(sheet, about, styles, t);
        return rows(sheet, styles, t, footing, columns, rows);
    }

    /**
     * A table below the header block: its header row frozen and filtered, then its footing.
     *
     * @return the first row below the table and its footing
     */
    private <T> int rows(Sheet sheet, Styles styles, Texts t, Footing footing, List<Column<T>> columns, List<T> rows) {
        try {
            return rows(sheet, styles, t, footing, columns, rows::forEach);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> int rows(Sheet sheet, Styles styles, Texts t, Footing footing, List<Column<T>> columns, Source<T> rows)
            throws SQLException {
        int first = HEADER_ROWS;
        Row header = sheet.createRow(first);
        for (int c = 0; c < columns.size(); c++) {
            Cells.header(header, c, t.get(columns.get(c).label()), styles.header());
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        sheet.createFreezePane(0, first + 1);
        TotalsRow.Sums sums = new TotalsRow.Sums(columns.size());
        int[] next = {first + 1};
        rows.forEach(item -> {
            Row row = sheet.createRow(next[0]++);
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).value().apply(item);
                value(row, c, value, styles, null);
                if (columns.get(c).summed() && row.getCell(c) != null) {
                    sums.add(c, amount(value), row.getCell(c).getCellStyle());
                }
            }
        });
        int r = next[0];
        int last = r - 1;
        // the filter covers the rows only: sorting them must leave the totals below
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS, Math.max(last, HEADER_ROWS), 0, columns.size() - 1));
        switch (footing) {
            case TOTALS -> TotalsRow.write(sheet, r++, FIRST_ROW, last, sums, t.get("excel.summary.total"), styles);
            case SHARED_NOTE -> Cells.text(sheet.createRow(r++), 0, t.get("summary.sharedNote"), styles);
            case NONE -> {
            }
        }
        return r;
    }

    private static BigDecimal amount(Object value) {
        return value instanceof Money money ? money.amount() : new BigDecimal(value.toString());
    }

    /** Every sheet set up to print: its table's header row repeated on each page. */
    private static void printable(org.apache.poi.ss.usermodel.Workbook workbook, PrintLayout.Footer footer) {
        for (Sheet sheet : workbook) {
            PrintLayout.apply(sheet, HEADER_ROWS, footer);
        }
    }

    /** Campaign, period, filter, and when and by whom the workbook was made. */
    private int headerBlock(Sheet sheet, About about, Styles styles, Texts t) {
        Rows.Campaign campaign = about.campaign();
        SummaryFilter filter = about.filter();
        Cells.header(sheet.createRow(0), 0, campaign.name(), styles.title());
        Cells.text(sheet.createRow(1), 0, t.get("excel.summary.period", campaign.startsOn(), campaign.endsOn()), styles);
        String province = about.provinceName() == null ? t.get("summary.filter.allProvinces") : about.provinceName();
        Cells.text(sheet.createRow(2), 0, t.get("excel.summary.filter", filter.from(), filter.to(), province), styles);
        Cells.text(sheet.createRow(3), 0, t.get("excel.summary.generated",
                about.generatedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                about.generatedBy()), styles);
        SignOffs.Tally tally = about.tally();
        String status = tally.allAccepted() ? t.get("signoff.workbook.final", tally.counties())
                : t.get("signoff.workbook.provisional", tally.accepted(), tally.counties(),
                String.join(t.get("list.separator"), about.notAccepted()));
        if (filter.acceptedOnly()) {
            status += "；" + t.get("signoff.workbook.acceptedOnly");
        }
        Cells.text(sheet.createRow(4), 0, status, styles);
        return HEADER_ROWS;
    }

    private static void value(Row row, int column, @Nullable Object value, Styles styles, @Nullable CellStyle percent) {
        if (value instanceof Money money) {
            Cells.money(row, column, money.amount(), styles);
        } else if (value instanceof Percent share) {
            if (share.value() != null) {
                var cell = row.createCell(column);
                cell.setCellValue(share.value().doubleValue());
                cell.setCellStyle(percent);
            }
        } else if (value instanceof BigDecimal decimal) {
            Cells.decimal(row, column, decimal, styles);
        } else if (value instanceof Number number) {
            Cells.count(row, column, number.longValue(), styles);
        } else if (value instanceof java.time.LocalDate day) {
            Cells.date(row, column, day, styles);
        } else if (value != null) {
            Cells.text(row, column, value.toString(), styles);
        }
    }

    private record Money(@Nullable BigDecimal amount) {
    }

    private record Percent(@Nullable BigDecimal value) {
    }

    /** A column of a table; {@code summed}: its rows add up to a total. */
    private record Column<T>(String label, int width, Function<T, Object> value, boolean summed) {
    }

    /** How a table ends. */
    private enum Footing { TOTALS, SHARED_NOTE, NONE }

    private static <T> Column<T> col(String label, int width, Function<T, Object> value) {
        return new Column<>(label, width, value, false);
    }

    /** A column of counts or hours that the totals row adds up. */
    private static <T> Column<T> sum(String label, int width, Function<T, Object> value) {
        return new Column<>(label, width, value, true);
    }

    private static <T> Column<T> money(String label, Function<T, BigDecimal> value) {
        return new Column<>(label, 16, row -> new Money(value.apply(row)), true);
    }

    /** The page's columns (SummaryColumns) as the workbook writes them: money as money cells. */
    private static <T> List<Column<T>> columns(List<SummaryColumns.Column<T>> columns, Texts t) {
        List<Column<T>> written = new java.util.ArrayList<>();
        for (SummaryColumns.Column<T> column : columns) {
            Function<T, Object> value = row -> {
                Object shown = column.valueOf(row, t::get);
                return column.kind() == SummaryColumns.Kind.MONEY ? new Money((BigDecimal) shown) : shown;
            };
            written.add(new Column<>(column.label(), column.width(), value, column.summed()));
        }
        return written;
    }

    /** Texts in the workbook's language. */
    private record Texts(Messages messages, Locale locale, Map<String, String> plain) {
        Texts(Messages messages, Locale locale) {
            this(messages, locale, new HashMap<>());
        }

        /** A text without arguments is looked up once: the session list asks for its platform 50,000 times. */
        String get(String key, Object... arguments) {
            if (arguments.length > 0) {
                return messages.get(locale, key, arguments);
            }
            return plain.computeIfAbsent(key, k -> messages.get(locale, k));
        }
    }
}

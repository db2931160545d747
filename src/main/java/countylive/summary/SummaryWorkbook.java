package countylive.summary;

import countylive.campaign.SignOffs;
import io.micrometer.core.annotation.Timed;
import countylive.excel.Cells;
import countylive.excel.Styles;
import countylive.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
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

    private final SummaryQueries queries;
    private final Messages messages;

    SummaryWorkbook(SummaryQueries queries, Messages messages) {
        this.queries = queries;
        this.messages = messages;
    }

    /** What the header block of every sheet says. */
    record About(Rows.Campaign campaign, SummaryFilter filter, @Nullable String provinceName, String generatedBy,
                 LocalDateTime generatedAt, SignOffs.Tally tally, List<String> notAccepted) {
    }

    @Timed(value = "countylive.summaries", extraTags = {"summary", "campaign.xlsx"})
    void write(OutputStream out, About about, Locale locale) throws IOException {
        SummaryFilter filter = about.filter();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            Texts t = new Texts(messages, locale);

            headline(workbook.createSheet(t.get("excel.summary.sheet.headline")), about, queries.headline(filter),
                    styles, percent, t);

            List<Rows.County> counties = queries.byCounty(filter);
            XSSFSheet countySheet = table(workbook.createSheet(t.get("summary.byCounty")), about, styles, t,
                    List.of(col("excel.column.countyCode", 10, (Rows.County r) -> r.code()),
                            col("summary.col.county", 16, Rows.County::name),
                            col("summary.col.province", 12, Rows.County::provinceName),
                            col("summary.col.poverty", 12, r -> !r.poverty() ? null : r.povertyExitYear() == null
                                    ? t.get("summary.yes") : t.get("summary.povertyExit", String.valueOf(r.povertyExitYear()))),
                            col("summary.sessions", 10, Rows.County::sessions),
                            col("summary.hours", 12, Rows.County::hours),
                            col("summary.units", 12, Rows.County::units),
                            col("summary.orders", 12, Rows.County::orders),
                            money("summary.gross", Rows.County::gross),
                            money("summary.refunds", Rows.County::refunds),
                            money("summary.net", Rows.County::net),
                            col("summary.views", 14, Rows.County::views),
                            col("summary.peak", 12, Rows.County::peakViewers),
                            col("summary.households", 12, Rows.County::households),
                            col("summary.people", 12, Rows.County::people),
                            col("signoff.state", 10, r -> r.accepted() ? t.get("signoff.state.ACCEPTED")
                                    : t.get("signoff.provisional"))), counties);
            barChart(countySheet, t.get("summary.chart.counties"), counties.size(), 1, 8, 17);

            table(workbook.createSheet(t.get("summary.byHost")), about, styles, t,
                    List.of(col("summary.col.host", 16, (Rows.Person r) -> r.name()),
                            col("summary.col.platform", 12, r -> t.get("platform." + r.detail())),
                            col("summary.sessions", 10, Rows.Person::sessions),
                            col("summary.units", 12, Rows.Person::units),
                            money("summary.gross", Rows.Person::gross),
                            money("summary.refunds", Rows.Person::refunds),
                            money("summary.net", Rows.Person::net),
                            col("summary.views", 14, Rows.Person::views)), queries.byHost(filter));
            table(workbook.createSheet(t.get("summary.byOfficial")), about, styles, t,
                    List.of(col("summary.col.official", 14, (Rows.Person r) -> r.name()),
                            col("summary.col.countyTitle", 24, Rows.Person::detail),
                            col("summary.sessions", 10, Rows.Person::sessions),
                            col("summary.units", 12, Rows.Person::units),
                            money("summary.gross", Rows.Person::gross),
                            money("summary.refunds", Rows.Person::refunds),
                            money("summary.net", Rows.Person::net),
                            col("summary.views", 14, Rows.Person::views)), queries.byOfficial(filter));
            table(workbook.createSheet(t.get("summary.byProduct")), about, styles, t,
                    List.of(col("summary.col.product", 26, (Rows.Product r) -> r.name()),
                            col("summary.col.county", 14, Rows.Product::countyName),
                            col("summary.col.unit", 8, Rows.Product::unit),
                            col("summary.sessions", 10, Rows.Product::sessions),
                            col("summary.units", 12, Rows.Product::units),
                            col("summary.orders", 12, Rows.Product::orders),
                            money("summary.gross", Rows.Product::gross),
                            money("summary.refunds", Rows.Product::refunds),
                            money("summary.net", Rows.Product::net)), queries.byProduct(filter, Integer.MAX_VALUE).rows());

            List<Rows.Day> days = queries.byDay(filter);
            XSSFSheet daySheet = table(workbook.createSheet(t.get("summary.byDay")), about, styles, t,
                    List.of(col("summary.col.day", 12, (Rows.Day r) -> r.day()),
                            col("summary.sessions", 10, Rows.Day::sessions),
                            col("summary.units", 12, Rows.Day::units),
                            col("summary.orders", 12, Rows.Day::orders),
                            money("summary.gross", Rows.Day::gross),
                            money("summary.refunds", Rows.Day::refunds),
                            money("summary.net", Rows.Day::net),
                            col("summary.views", 14, Rows.Day::views)), days);
            barChart(daySheet, t.get("summary.chart.days"), days.size(), 0, 4, 9);

            table(workbook.createSheet(t.get("summary.sessionList")), about, styles, t,
                    List.of(col("excel.column.session", 10, (Rows.Session r) -> r.id()),
                            col("summary.col.day", 12, Rows.Session::day),
                            col("summary.col.county", 14, Rows.Session::countyName),
                            col("summary.col.platform", 10, r -> t.get("platform." + r.platform())),
                            col("summary.hours", 10, Rows.Session::hours),
                            col("summary.views", 12, Rows.Session::views),
                            col("summary.uniqueViewers", 12, Rows.Session::uniqueViewers),
                            col("summary.peak", 12, Rows.Session::peakViewers),
                            col("summary.units", 12, Rows.Session::units),
                            col("summary.orders", 12, Rows.Session::orders),
                            money("summary.gross", Rows.Session::gross),
                            money("summary.refunds", Rows.Session::refunds),
                            money("summary.net", Rows.Session::net)), queries.sessions(filter, MAX_SESSIONS));
            workbook.getProperties().getCoreProperties().setCreator(about.generatedBy());
            workbook.write(out);
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
            rows(campaigns, styles, t, List.of(
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
            rows(provinces, styles, t, List.of(
                    col("summary.col.province", 14, (Rows.ProvinceTotal p) -> p.name()),
                    col("summary.overview.campaigns", 10, Rows.ProvinceTotal::campaigns),
                    col("summary.counties", 10, Rows.ProvinceTotal::counties),
                    col("summary.sessions", 10, Rows.ProvinceTotal::sessions),
                    col("summary.units", 12, Rows.ProvinceTotal::units),
                    money("summary.gross", Rows.ProvinceTotal::gross),
                    money("summary.refunds", Rows.ProvinceTotal::refunds),
                    money("summary.net", Rows.ProvinceTotal::net),
                    col("summary.views", 14, Rows.ProvinceTotal::views)), overview.provinces(acceptedOnly));
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
        Object[][] figures = {
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

    private <T> XSSFSheet table(XSSFSheet sheet, About about, Styles styles, Texts t, List<Column<T>> columns, List<T> rows) {
        headerBlock(sheet, about, styles, t);
        return rows(sheet, styles, t, columns, rows);
    }

    /** A table below the header block: its header row frozen and filtered. */
    private <T> XSSFSheet rows(XSSFSheet sheet, Styles styles, Texts t, List<Column<T>> columns, List<T> rows) {
        int r = HEADER_ROWS;
        Row header = sheet.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
            Cells.header(header, c, t.get(columns.get(c).label()), styles.header());
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        sheet.createFreezePane(0, r);
        for (T item : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                value(row, c, columns.get(c).value().apply(item), styles, null);
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS, Math.max(r - 1, HEADER_ROWS), 0, columns.size() - 1));
        return sheet;
    }

    /** Campaign, period, filter, and when and by whom the workbook was made. */
    private int headerBlock(XSSFSheet sheet, About about, Styles styles, Texts t) {
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
                String.join("、", about.notAccepted()));
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

    /** A native bar chart of column {@code valueColumn} by column {@code labelColumn}, beside the table. */
    private static void barChart(XSSFSheet sheet, String title, int rows, int labelColumn, int valueColumn, int atColumn) {
        if (rows == 0) {
            return;
        }
        int first = HEADER_ROWS + 1;
        int last = HEADER_ROWS + rows;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, atColumn, HEADER_ROWS, atColumn + 10, HEADER_ROWS + 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
        amounts.setNumberFormat("#,##0");
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, labelColumn, labelColumn));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, valueColumn, valueColumn));
        XDDFChartData data = chart.createData(ChartTypes.BAR, categories, amounts);
        ((XDDFBarChartData) data).setBarDirection(BarDirection.COL);
        XDDFChartData.Series series = data.addSeries(labels, values);
        series.setTitle(sheet.getRow(HEADER_ROWS).getCell(valueColumn).getStringCellValue(), null);
        chart.plot(data);
    }

    private record Money(@Nullable BigDecimal amount) {
    }

    private record Percent(@Nullable BigDecimal value) {
    }

    private record Column<T>(String label, int width, Function<T, Object> value) {
    }

    private static <T> Column<T> col(String label, int width, Function<T, Object> value) {
        return new Column<>(label, width, value);
    }

    private static <T> Column<T> money(String label, Function<T, BigDecimal> value) {
        return new Column<>(label, 16, row -> new Money(value.apply(row)));
    }

    /** Texts in the workbook's language. */
    private record Texts(Messages messages, Locale locale) {
        String get(String key, Object... arguments) {
            return messages.get(locale, key, arguments);
        }
    }
}

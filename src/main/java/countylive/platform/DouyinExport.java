package countylive.platform;

import countylive.host.Platform;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Douyin e-commerce compass, 整场数据下载: one session per workbook. 基本信息 gives the account,
 * the time and the paid amount; 整体看板 the audience; 流量分析 sheets the buyers and channels
 * (千川 spend); 商品分析-商品明细 the products, among which SKU sub-rows (an id starting with
 * {@code -}) and repeated header rows are skipped.
 */
final class DouyinExport {

    static final String BASICS = "基本信息";
    static final String OVERVIEW = "整体看板";
    static final String CONVERSION = "流量分析-流量转化";
    static final String CHANNELS = "流量分析-渠道分析";
    static final String PRODUCTS = "商品分析-商品明细";

    private static final List<Column> BASIC_COLUMNS = List.of(Column.DY_HOST_NAME, Column.DY_SPAN, Column.DY_START,
            Column.DY_END, Column.DY_DAY, Column.DY_DURATION, Column.DY_PAID);
    private static final List<Column> OVERVIEW_COLUMNS = List.of(Column.DY_VIEWS, Column.DY_PEAK,
            Column.DY_NEW_FOLLOWERS);
    private static final List<Column> PRODUCT_COLUMNS = List.of(Column.DY_PRODUCT_ID, Column.DY_PRODUCT_NAME,
            Column.DY_PRODUCT_PAID, Column.DY_PRODUCT_UNITS);

    private DouyinExport() {
    }

    /** Whether the workbook is a compass session download: it has a 基本信息 sheet. */
    static boolean recognises(Map<String, SheetText> sheets) {
        return sheet(sheets, BASICS) != null;
    }

    static Parsed read(String file, Map<String, SheetText> sheets) {
        List<Parsed.Problem> problems = new ArrayList<>();
        Reader reader = new Reader(file, problems);
        SheetText basics = sheet(sheets, BASICS);
        SheetText.Header header = basics.header(List.of(Column.DY_ACCOUNT), BASIC_COLUMNS);
        if (header == null) {
            return missing(file, basics, List.of(Column.DY_ACCOUNT));
        }
        if (header.index(Column.DY_SPAN) == null && header.index(Column.DY_START) == null) {
            return missing(file, basics, List.of(Column.DY_SPAN));
        }
        SheetText.Row values = firstBelow(basics, header);
        if (values == null) {
            problems.add(new Parsed.Problem(new SheetText.Place(file, basics.name(), header.row().number() + 1,
                    Column.DY_ACCOUNT.header()), "platform.layout.noValues", List.of()));
            return new Parsed(List.of(), problems);
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        String account = CellValues.clean(values.cell(header.index(Column.DY_ACCOUNT)));
        String hostName = header.index(Column.DY_HOST_NAME) == null ? null
                : CellValues.clean(values.cell(header.index(Column.DY_HOST_NAME)));
        LocalDateTime start = null;
        LocalDateTime end = null;
        if (header.index(Column.DY_SPAN) != null) {
            CellValues.Span span = reader.read(basics, values, header, Column.DY_SPAN, CellValues::span);
            if (span != null) {
                start = span.start();
                end = span.end();
            }
        } else {
            start = reader.read(basics, values, header, Column.DY_START, CellValues::time);
            if (header.index(Column.DY_END) != null) {
                end = reader.read(basics, values, header, Column.DY_END, CellValues::time);
            } else if (start != null && header.index(Column.DY_DURATION) != null) {
                Long seconds = reader.read(basics, values, header, Column.DY_DURATION, CellValues::seconds);
                end = seconds == null ? null : start.plusSeconds(seconds);
            }
        }
        if (start == null && problems.isEmpty()) {
            problems.add(reader.place(basics, values, header, header.index(Column.DY_SPAN) != null ? Column.DY_SPAN
                    : Column.DY_START, "platform.value.required"));
        }
        if (account.isEmpty() || CellValues.notReported(account)) {
            problems.add(reader.place(basics, values, header, Column.DY_ACCOUNT, "platform.value.required"));
        }
        keepTheRest(reader, basics, header, values, metrics, Set.of(Column.DY_ACCOUNT, Column.DY_HOST_NAME,
                Column.DY_SPAN, Column.DY_START, Column.DY_END, Column.DY_DAY));

        Long uniqueViewers = null;
        Long views = null;
        Long peak = null;
        Long followers = null;
        SheetText overview = sheet(sheets, OVERVIEW);
        if (overview != null) {
            SheetText.Header board = overview.header(List.of(Column.DY_UNIQUE_VIEWERS), OVERVIEW_COLUMNS);
            if (board == null) {
                problems.add(missingProblem(file, overview, List.of(Column.DY_UNIQUE_VIEWERS)));
            } else {
                SheetText.Row row = firstBelow(overview, board);
                if (row != null) {
                    uniqueViewers = reader.read(overview, row, board, Column.DY_UNIQUE_VIEWERS, CellValues::count);
                    views = reader.optional(overview, row, board, Column.DY_VIEWS, CellValues::count);
                    peak = reader.optional(overview, row, board, Column.DY_PEAK, CellValues::count);
                    followers = reader.optional(overview, row, board, Column.DY_NEW_FOLLOWERS, CellValues::count);
                    keepTheRest(reader, overview, board, row, metrics, Set.of(Column.DY_UNIQUE_VIEWERS, Column.DY_VIEWS,
                            Column.DY_PEAK, Column.DY_NEW_FOLLOWERS));
                }
            }
        }
        SheetText conversion = sheet(sheets, CONVERSION);
        if (conversion != null) {
            // key/value pairs down column A: 成交人数 and the like
            for (SheetText.Row row : conversion.rows()) {
                String name = CellValues.clean(row.cell(0));
                if (!name.isEmpty() && !row.cell(1).isBlank()) {
                    reader.metric(metrics, conversion, row, name, name, row.cell(1));
                }
            }
        }
        SheetText channels = sheet(sheets, CHANNELS);
        if (channels != null) {
            SheetText.Header head = channels.header(List.of(Column.DY_CHANNEL), List.of());
            if (head == null) {
                problems.add(missingProblem(file, channels, List.of(Column.DY_CHANNEL)));
            } else {
                for (SheetText.Row row : below(channels, head)) {
                    String channel = CellValues.clean(row.cell(head.index(Column.DY_CHANNEL)));
                    if (channel.isEmpty() || Column.DY_CHANNEL.matches(channel)) {
                        continue;
                    }
                    for (int index = 0; index < head.row().cells().size(); index++) {
                        String name = CellValues.clean(head.row().cell(index));
                        if (index != head.index(Column.DY_CHANNEL) && !name.isEmpty()) {
                            reader.metric(metrics, channels, row, name, "渠道 " + channel + " · " + name, row.cell(index));
                        }
                    }
                }
            }
        }
        SheetText productSheet = sheet(sheets, PRODUCTS);
        List<Parsed.Product> products = new ArrayList<>();
        boolean ordersFromBuyers = false;
        Parsed.GrossSource grossSource = Parsed.GrossSource.DOUYIN_USER_PAID;
        if (productSheet == null) {
            problems.add(new Parsed.Problem(new SheetText.Place(file, PRODUCTS, 1, ""), "platform.layout.noSheet",
                    List.of(PRODUCTS)));
        } else {
            SheetText.Header head = productSheet.header(PRODUCT_COLUMNS, List.of(Column.DY_PRODUCT_ORDERS,
                    Column.DY_PRODUCT_BUYERS, Column.DY_PRODUCT_REFUNDS));
            if (head == null) {
                problems.add(missingProblem(file, productSheet, PRODUCT_COLUMNS));
            } else if (head.index(Column.DY_PRODUCT_ORDERS) == null && head.index(Column.DY_PRODUCT_BUYERS) == null) {
                problems.add(missingProblem(file, productSheet, List.of(Column.DY_PRODUCT_ORDERS)));
            } else {
                Column orders = head.index(Column.DY_PRODUCT_ORDERS) != null ? Column.DY_PRODUCT_ORDERS
                        : Column.DY_PRODUCT_BUYERS;
                ordersFromBuyers = orders == Column.DY_PRODUCT_BUYERS;
                // the label tells what the money is: 用户支付金额 (paid by users) or, in older downloads, 成交金额
                if (!Column.key(head.header(Column.DY_PRODUCT_PAID)).contains("支付")) {
                    grossSource = Parsed.GrossSource.DOUYIN_GMV;
                }
                for (SheetText.Row row : below(productSheet, head)) {
                    String id = CellValues.clean(row.cell(head.index(Column.DY_PRODUCT_ID)));
                    // SKU sub-rows (an id starting with "-", or none) and header rows repeated among the products
                    if (id.isEmpty() || id.startsWith("-") || Column.DY_PRODUCT_ID.matches(id)) {
                        continue;
                    }
                    Parsed.Product product = reader.product(productSheet, row, head, id, Column.DY_PRODUCT_NAME,
                            Column.DY_PRODUCT_UNITS, orders, Column.DY_PRODUCT_PAID, Column.DY_PRODUCT_REFUNDS);
                    if (product != null) {
                        products.add(product);
                    }
                }
            }
        }
        if (!problems.isEmpty() || start == null) {
            return new Parsed(List.of(), problems);
        }
        return new Parsed(List.of(new Parsed.Session(Platform.DOUYIN, file,
                new SheetText.Place(file, basics.name(), values.number(), ""), account, hostName, null, null, start, end,
                views, uniqueViewers, peak, followers, metrics, grossSource, ordersFromBuyers,
                products)), List.of());
    }

    /** Every column of a header row not read into a County Live field, kept as a metric. */
    static void keepTheRest(Reader reader, SheetText sheet, SheetText.Header header, SheetText.Row row,
                            Map<String, String> metrics, Set<Column> read) {
        Set<Integer> used = new java.util.HashSet<>();
        read.forEach(column -> {
            if (header.index(column) != null) {
                used.add(header.index(column));
            }
        });
        for (int index = 0; index < header.row().cells().size(); index++) {
            String name = CellValues.clean(header.row().cell(index));
            if (!used.contains(index) && !name.isEmpty()) {
                reader.metric(metrics, sheet, row, name, name, row.cell(index));
            }
        }
    }

    static @Nullable SheetText sheet(Map<String, SheetText> sheets, String name) {
        SheetText exact = sheets.get(name);
        if (exact != null) {
            return exact;
        }
        // "商品分析-商品明细" also comes as "商品明细" or with other dashes
        String key = name.substring(name.indexOf('-') + 1);
        return sheets.values().stream().filter(sheet -> sheet.name().replace('－', '-').endsWith(key))
                .findFirst().orElse(null);
    }

    static @Nullable SheetText.Row firstBelow(SheetText sheet, SheetText.Header header) {
        List<SheetText.Row> rows = below(sheet, header);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static List<SheetText.Row> below(SheetText sheet, SheetText.Header header) {
        return sheet.rows().stream().filter(row -> row.number() > header.row().number() && !row.blank()).toList();
    }

    static Parsed missing(String file, SheetText sheet, List<Column> required) {
        return new Parsed(List.of(), List.of(missingProblem(file, sheet, required)));
    }

    /** The sheet lacks a column: the message names the sheet and the column the platform calls it today. */
    static Parsed.Problem missingProblem(String file, SheetText sheet, List<Column> required) {
        List<Column> missing = sheet.missing(required);
        Column first = missing.isEmpty() ? required.get(0) : missing.get(0);
        return new Parsed.Problem(new SheetText.Place(file, sheet.name(), 1, first.header()), "platform.layout.noColumn",
                List.of(sheet.name(), first.header()));
    }

    /** Reads values of a file, collecting the problems with their place. */
    static final class Reader {

        @FunctionalInterface
        interface Parse<T> {
            @Nullable T parse(String raw) throws CellValues.BadValue;
        }

        private final String file;
        private final List<Parsed.Problem> problems;

        Reader(String file, List<Parsed.Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        <T> @Nullable T read(SheetText sheet, SheetText.Row row, SheetText.Header header, Column column, Parse<T> parse) {
            Integer index = header.index(column);
            if (index == null) {
                return null;
            }
            try {
                return parse.parse(row.cell(index));
            } catch (CellValues.BadValue e) {
                problems.add(new Parsed.Problem(new SheetText.Place(file, sheet.name(), row.number(),
                        header.header(column)), e.messageKey(), List.of(CellValues.clean(row.cell(index)))));
                return null;
            }
        }

        <T> @Nullable T optional(SheetText sheet, SheetText.Row row, SheetText.Header header, Column column,
                                 Parse<T> parse) {
            return header.index(column) == null ? null : read(sheet, row, header, column, parse);
        }

        Parsed.Problem place(SheetText sheet, SheetText.Row row, SheetText.Header header, Column column, String key) {
            return new Parsed.Problem(new SheetText.Place(file, sheet.name(), row.number(), header.header(column)), key,
                    List.of());
        }

        void metric(Map<String, String> metrics, SheetText sheet, SheetText.Row row, String header, String name,
                    String raw) {
            try {
                Metrics.put(metrics, name, raw);
            } catch (CellValues.BadValue e) {
                problems.add(new Parsed.Problem(new SheetText.Place(file, sheet.name(), row.number(), header),
                        e.messageKey(), List.of(CellValues.clean(raw))));
            }
        }

        /** A product row: a row with nothing sold ("-" everywhere) is no line; a partly reported one is a problem. */
        @Nullable Parsed.Product product(SheetText sheet, SheetText.Row row, SheetText.Header head, String id,
                                         Column nameColumn, Column unitsColumn, Column ordersColumn,
                                         Column grossColumn, Column refundsColumn) {
            int before = problems.size();
            String name = CellValues.clean(row.cell(head.index(nameColumn)));
            Long units = read(sheet, row, head, unitsColumn, CellValues::count);
            Long orders = read(sheet, row, head, ordersColumn, CellValues::count);
            BigDecimal gross = read(sheet, row, head, grossColumn, CellValues::money);
            BigDecimal refunds = optional(sheet, row, head, refundsColumn, CellValues::money);
            if (problems.size() > before) {
                return null;
            }
            if (units == null && gross == null) {
                return null;
            }
            if (units == null || gross == null) {
                problems.add(place(sheet, row, head, units == null ? unitsColumn : grossColumn,
                        "platform.value.required"));
                return null;
            }
            if (name.isEmpty()) {
                problems.add(place(sheet, row, head, nameColumn, "platform.value.required"));
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("units", head.header(unitsColumn));
            headers.put("orders", head.header(ordersColumn));
            headers.put("gross", head.header(grossColumn));
            headers.put("refunds", head.header(refundsColumn));
            return new Parsed.Product(id, name, new SheetText.Place(file, sheet.name(), row.number(),
                    head.header(unitsColumn)), units, orders == null ? 0 : orders, gross, refunds, headers);
        }
    }
}

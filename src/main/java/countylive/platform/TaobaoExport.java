package countylive.platform;

import countylive.host.Platform;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Taobao Live, 生意参谋: 直播分场次 (a row per session) and 直播分商品效果 (a row per product per
 * session), recognised by their headers whatever the sheets are called; the two may come as two
 * files or two sheets of one. Sessions are joined by 场次id; a product file alone still makes its
 * sessions, from the 开播时间 of its rows, without audience figures.
 */
final class TaobaoExport {

    private static final List<Column> SESSION_REQUIRED = List.of(Column.TB_SESSION_ID, Column.TB_START);
    private static final List<Column> SESSION_OPTIONAL = List.of(Column.TB_TITLE, Column.TB_END, Column.TB_DURATION,
            Column.TB_VIEWS, Column.TB_UNIQUE_VIEWERS, Column.TB_PEAK, Column.TB_NEW_FOLLOWERS);
    private static final List<Column> PRODUCT_REQUIRED = List.of(Column.TB_PRODUCT_ID, Column.TB_PRODUCT_TITLE,
            Column.TB_SESSION_ID, Column.TB_UNITS, Column.TB_ORDERS, Column.TB_GROSS);
    private static final List<Column> PRODUCT_OPTIONAL = List.of(Column.TB_START, Column.TB_TITLE, Column.TB_REFUNDS);

    /** The sessions and product rows of one or more Taobao sheets, joined once all files are read. */
    static final class Collector {
        private final Map<String, Parsed.Session> sessions = new LinkedHashMap<>();
        private final Map<String, List<Parsed.Product>> products = new LinkedHashMap<>();
        private final Map<String, Parsed.Session> fromProducts = new LinkedHashMap<>();
        private final List<Parsed.Problem> problems = new ArrayList<>();

        Parsed result() {
            List<Parsed.Session> all = new ArrayList<>();
            Map<String, Parsed.Session> known = new LinkedHashMap<>(fromProducts);
            known.putAll(sessions);
            for (Map.Entry<String, Parsed.Session> entry : known.entrySet()) {
                Parsed.Session s = entry.getValue();
                all.add(new Parsed.Session(s.platform(), s.file(), s.place(), s.account(), s.hostName(),
                        s.platformSessionId(), s.title(), s.startsAt(), s.endsAt(), s.views(), s.uniqueViewers(),
                        s.peakViewers(), s.newFollowers(), s.metrics(), s.grossSource(), false,
                        products.getOrDefault(entry.getKey(), List.of())));
            }
            return new Parsed(all, problems);
        }
    }

    private TaobaoExport() {
    }

    /** Whether a sheet is one of the pair: which one, or null. */
    static @Nullable String kind(SheetText sheet) {
        if (sheet.header(PRODUCT_REQUIRED, List.of()) != null) {
            return "products";
        }
        if (sheet.header(SESSION_REQUIRED, List.of(Column.TB_VIEWS, Column.TB_UNIQUE_VIEWERS)) != null) {
            return "sessions";
        }
        return null;
    }

    /** A sheet that looks like one of the pair (a 场次id column) but lacks a column: the problem naming it. */
    static @Nullable Parsed.Problem nearly(String file, SheetText sheet) {
        if (sheet.header(List.of(Column.TB_SESSION_ID), List.of()) == null) {
            return null;
        }
        boolean products = sheet.header(List.of(Column.TB_SESSION_ID, Column.TB_PRODUCT_ID), List.of()) != null
                || sheet.name().contains("商品");
        return DouyinExport.missingProblem(file, sheet, products ? PRODUCT_REQUIRED : SESSION_REQUIRED);
    }

    static void sessions(String file, SheetText sheet, Collector into) {
        SheetText.Header head = sheet.header(SESSION_REQUIRED, SESSION_OPTIONAL);
        DouyinExport.Reader reader = new DouyinExport.Reader(file, into.problems);
        for (SheetText.Row row : DouyinExport.below(sheet, head)) {
            String id = CellValues.clean(row.cell(head.index(Column.TB_SESSION_ID)));
            if (skipped(id)) {
                continue;
            }
            int before = into.problems.size();
            LocalDateTime start = reader.read(sheet, row, head, Column.TB_START, CellValues::time);
            LocalDateTime end = reader.optional(sheet, row, head, Column.TB_END, CellValues::time);
            Long duration = reader.optional(sheet, row, head, Column.TB_DURATION, CellValues::seconds);
            if (end == null && start != null && duration != null) {
                end = start.plusSeconds(duration);
            }
            Long views = reader.optional(sheet, row, head, Column.TB_VIEWS, CellValues::count);
            Long unique = reader.optional(sheet, row, head, Column.TB_UNIQUE_VIEWERS, CellValues::count);
            Long peak = reader.optional(sheet, row, head, Column.TB_PEAK, CellValues::count);
            Long followers = reader.optional(sheet, row, head, Column.TB_NEW_FOLLOWERS, CellValues::count);
            Map<String, String> metrics = new LinkedHashMap<>();
            DouyinExport.keepTheRest(reader, sheet, head, row, metrics, Set.of(Column.TB_SESSION_ID, Column.TB_START,
                    Column.TB_END, Column.TB_TITLE, Column.TB_VIEWS, Column.TB_UNIQUE_VIEWERS, Column.TB_PEAK,
                    Column.TB_NEW_FOLLOWERS));
            if (start == null && into.problems.size() == before) {
                into.problems.add(reader.place(sheet, row, head, Column.TB_START, "platform.value.required"));
            }
            if (into.problems.size() > before) {
                continue;
            }
            String title = head.index(Column.TB_TITLE) == null ? null : CellValues.clean(row.cell(head.index(Column.TB_TITLE)));
            into.sessions.put(id, new Parsed.Session(Platform.TAOBAO, file, new SheetText.Place(file, sheet.name(),
                    row.number(), ""), null, null, id, title, start, end, views, unique, peak, followers, metrics,
                    Parsed.GrossSource.TAOBAO_GMV, false, List.of()));
        }
    }

    static void products(String file, SheetText sheet, Collector into) {
        SheetText.Header head = sheet.header(PRODUCT_REQUIRED, PRODUCT_OPTIONAL);
        DouyinExport.Reader reader = new DouyinExport.Reader(file, into.problems);
        for (SheetText.Row row : DouyinExport.below(sheet, head)) {
            String session = CellValues.clean(row.cell(head.index(Column.TB_SESSION_ID)));
            String id = CellValues.clean(row.cell(head.index(Column.TB_PRODUCT_ID)));
            if (skipped(session) || id.isEmpty() || id.startsWith("-") || Column.TB_PRODUCT_ID.matches(id)) {
                continue;
            }
            Parsed.Product product = reader.product(sheet, row, head, id, Column.TB_PRODUCT_TITLE, Column.TB_UNITS,
                    Column.TB_ORDERS, Column.TB_GROSS, Column.TB_REFUNDS);
            if (product == null) {
                continue;
            }
            into.products.computeIfAbsent(session, key -> new ArrayList<>()).add(product);
            if (head.index(Column.TB_START) != null && !into.fromProducts.containsKey(session)) {
                LocalDateTime start = reader.read(sheet, row, head, Column.TB_START, CellValues::time);
                if (start != null) {
                    String title = head.index(Column.TB_TITLE) == null ? null
                            : CellValues.clean(row.cell(head.index(Column.TB_TITLE)));
                    into.fromProducts.put(session, new Parsed.Session(Platform.TAOBAO, file, new SheetText.Place(file,
                            sheet.name(), row.number(), ""), null, null, session, title, start, null, null, null, null,
                            null, new LinkedHashMap<>(), Parsed.GrossSource.TAOBAO_GMV, false, List.of()));
                }
            }
        }
    }

    /** A repeated header row, a total row or an empty id is no session. */
    private static boolean skipped(String sessionId) {
        return sessionId.isEmpty() || Column.TB_SESSION_ID.matches(sessionId) || sessionId.contains("合计")
                || sessionId.contains("总计") || CellValues.notReported(sessionId);
    }
}

package countylive.summary;

import countylive.web.Figures;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The columns of a summary's tables, defined once: the page draws its tables from them
 * (templates/summary/tables.html) and the workbook its sheets (SummaryWorkbook), so a column cannot
 * be on one and missing from the other, nor show another figure. A column knows its heading, how
 * its value is written, its width in the workbook, whether the workbook's totals row adds it up,
 * and where its cell leads on the page; a few identify a row in the workbook only (a county's code,
 * a session's number). SummaryWorkbookTest compares every sheet with its table.
 */
public final class SummaryColumns {

    /** How a value is written: on the page by {@link Figures}, in the workbook as a cell of that type. */
    public enum Kind { TEXT, COUNT, DECIMAL, MONEY, DATE }

    /** Texts in the reader's language (platforms, yes, the sign-off's words). */
    @FunctionalInterface
    public interface Words {
        String get(String key, Object... arguments);
    }

    /**
     * One column.
     *
     * @param link         where the cell leads on the page ({@link SummaryLinks}), or null
     * @param summed       the workbook's totals row adds it up
     * @param workbookOnly a key the page does not show (it identifies the row otherwise)
     * @param fold         its part in the card a county row folds into on a phone (app.css): the
     *                     card's title, a key figure or the state; null for the columns a tap unfolds
     */
    public record Column<T>(String label, Kind kind, int width, BiFunction<T, Words, Object> value, @Nullable String link,
                            boolean summed, boolean workbookOnly, @Nullable String fold) {

        public boolean numeric() {
            return kind == Kind.COUNT || kind == Kind.DECIMAL || kind == Kind.MONEY;
        }

        public @Nullable Object valueOf(T row, Words words) {
            return value.apply(row, words);
        }

        /** The value as the page writes it. */
        public String shown(T row, Figures fig, Words words) {
            Object value = valueOf(row, words);
            return switch (kind) {
                case COUNT -> fig.count((Number) value);
                case DECIMAL -> fig.decimal((Number) value, 1);
                case MONEY -> fig.money((Number) value);
                case DATE, TEXT -> value == null ? "" : value.toString();
            };
        }

        Column<T> linked(String to) {
            return new Column<>(label, kind, width, value, to, summed, workbookOnly, fold);
        }

        Column<T> addedUp() {
            return new Column<>(label, kind, width, value, link, true, workbookOnly, fold);
        }

        Column<T> inWorkbookOnly() {
            return new Column<>(label, kind, width, value, link, summed, true, fold);
        }

        Column<T> folded(String part) {
            return new Column<>(label, kind, width, value, link, summed, workbookOnly, part);
        }
    }

    public static final List<Column<Rows.County>> COUNTY = List.of(
            text("excel.column.countyCode", 10, Rows.County::code).inWorkbookOnly(),
            text("summary.col.county", 16, Rows.County::name).linked(SummaryLinks.COUNTY).folded("fold-title"),
            text("summary.col.province", 12, Rows.County::provinceName),
            words("summary.col.poverty", 12, (Rows.County r, Words w) -> !r.poverty() ? null : r.povertyExitYear() == null
                    ? w.get("summary.yes") : w.get("summary.povertyExit", String.valueOf(r.povertyExitYear()))),
            count("summary.sessions", 10, Rows.County::sessions).addedUp().folded("fold-key"),
            of("summary.hours", Kind.DECIMAL, 12, Rows.County::hours).addedUp(),
            count("summary.units", 12, Rows.County::units).addedUp(),
            count("summary.orders", 12, Rows.County::orders).addedUp(),
            money("summary.gross", Rows.County::gross).folded("fold-key"),
            money("summary.refunds", Rows.County::refunds),
            money("summary.net", Rows.County::net),
            count("summary.views", 14, Rows.County::views).addedUp(),
            count("summary.peak", 12, Rows.County::peakViewers),
            count("summary.households", 12, Rows.County::households).addedUp().linked(SummaryLinks.HOUSEHOLDS),
            count("summary.people", 12, Rows.County::people).addedUp().folded("fold-key"),
            words("signoff.state", 10, (Rows.County r, Words w) -> r.accepted() ? w.get("signoff.state.ACCEPTED") : w.get("signoff.provisional"))
                    .linked(SummaryLinks.SIGN_OFF).folded("fold-state"));

    /** A shared session counts for each host: the rows add up to more than the campaign's figures (no totals row). */
    public static final List<Column<Rows.Person>> HOST = people(
            text("summary.col.host", 16, Rows.Person::name).linked(SummaryLinks.HOST),
            words("summary.col.platform", 12, (Rows.Person r, Words w) -> w.get("platform." + r.detail())));

    public static final List<Column<Rows.Person>> OFFICIAL = people(
            text("summary.col.official", 14, Rows.Person::name).linked(SummaryLinks.OFFICIAL),
            text("summary.col.countyTitle", 24, Rows.Person::detail));

    public static final List<Column<Rows.Product>> PRODUCT = List.of(
            text("summary.col.product", 26, Rows.Product::name).linked(SummaryLinks.PRODUCT),
            text("summary.col.county", 14, Rows.Product::countyName).linked(SummaryLinks.COUNTY_PAGE),
            text("summary.col.unit", 8, Rows.Product::unit),
            // one per session and product: a session selling two products counts twice, so no total
            count("summary.sessions", 10, Rows.Product::sessions),
            count("summary.units", 12, Rows.Product::units).addedUp(),
            count("summary.orders", 12, Rows.Product::orders).addedUp(),
            money("summary.gross", Rows.Product::gross),
            money("summary.refunds", Rows.Product::refunds),
            money("summary.net", Rows.Product::net));

    public static final List<Column<Rows.Day>> DAY = List.of(
            of("summary.col.day", Kind.DATE, 12, Rows.Day::day).linked(SummaryLinks.DAY),
            count("summary.sessions", 10, Rows.Day::sessions).addedUp(),
            count("summary.units", 12, Rows.Day::units).addedUp(),
            count("summary.orders", 12, Rows.Day::orders).addedUp(),
            money("summary.gross", Rows.Day::gross),
            money("summary.refunds", Rows.Day::refunds),
            money("summary.net", Rows.Day::net),
            count("summary.views", 14, Rows.Day::views).addedUp());

    public static final List<Column<Rows.Session>> SESSION = List.of(
            count("excel.column.session", 10, Rows.Session::id).inWorkbookOnly(),
            of("summary.col.day", Kind.DATE, 12, Rows.Session::day).linked(SummaryLinks.SESSION),
            text("summary.col.county", 14, Rows.Session::countyName).linked(SummaryLinks.COUNTY_PAGE),
            words("summary.col.platform", 10, (Rows.Session r, Words w) -> w.get("platform." + r.platform())),
            of("summary.hours", Kind.DECIMAL, 10, Rows.Session::hours).addedUp(),
            count("summary.views", 12, Rows.Session::views).addedUp(),
            count("summary.uniqueViewers", 12, Rows.Session::uniqueViewers),
            count("summary.peak", 12, Rows.Session::peakViewers),
            count("summary.units", 12, Rows.Session::units).addedUp(),
            count("summary.orders", 12, Rows.Session::orders).addedUp(),
            money("summary.gross", Rows.Session::gross),
            money("summary.refunds", Rows.Session::refunds),
            money("summary.net", Rows.Session::net));

    /** The columns each table of the page shows. */
    public record OnPage(List<Column<Rows.County>> county, List<Column<Rows.Person>> host,
                         List<Column<Rows.Person>> official, List<Column<Rows.Product>> product,
                         List<Column<Rows.Day>> day, List<Column<Rows.Session>> session) {
    }

    static final OnPage ON_PAGE = new OnPage(onPage(COUNTY), onPage(HOST), onPage(OFFICIAL), onPage(PRODUCT),
            onPage(DAY), onPage(SESSION));

    private SummaryColumns() {
    }

    /** The columns the page shows: all but the workbook's keys. */
    public static <T> List<Column<T>> onPage(List<Column<T>> columns) {
        return columns.stream().filter(column -> !column.workbookOnly()).toList();
    }

    /** A host's or an official's two naming columns, then their figures. */
    private static List<Column<Rows.Person>> people(Column<Rows.Person> name, Column<Rows.Person> detail) {
        return List.of(name, detail,
                count("summary.sessions", 10, Rows.Person::sessions),
                count("summary.units", 12, Rows.Person::units),
                money("summary.gross", Rows.Person::gross),
                money("summary.refunds", Rows.Person::refunds),
                money("summary.net", Rows.Person::net),
                count("summary.views", 14, Rows.Person::views));
    }

    private static <T> Column<T> text(String label, int width, Function<T, Object> value) {
        return of(label, Kind.TEXT, width, value);
    }

    private static <T> Column<T> words(String label, int width, BiFunction<T, Words, Object> value) {
        return new Column<>(label, Kind.TEXT, width, value, null, false, false, null);
    }

    private static <T> Column<T> count(String label, int width, Function<T, Object> value) {
        return of(label, Kind.COUNT, width, value);
    }

    private static <T> Column<T> money(String label, Function<T, BigDecimal> value) {
        return new Column<>(label, Kind.MONEY, 16, (row, words) -> value.apply(row), null, true, false, null);
    }

    private static <T> Column<T> of(String label, Kind kind, int width, Function<T, Object> value) {
        return new Column<>(label, kind, width, (row, words) -> value.apply(row), null, false, false, null);
    }
}

package countylive.summary;

import countylive.summary.SummaryColumns.Column;
import countylive.web.Figures;
import io.micronaut.core.annotation.Nullable;
import org.unbescape.html.HtmlEscape;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of a summary's breakdown table with its cells worked out before the template writes
 * them: the text as the page shows it, the heading a phone folds it under, where it leads. Before,
 * each cell was a fragment of a dozen template expressions (its class, heading, link, text, the
 * sign-off badge); for the summary's ~1,000 cells that was most of the time of its first view after
 * a change, and even a few plain expressions per cell stayed costly in OGNL (docs/performance.md).
 * So the row's cells are written here, escaped as Thymeleaf escapes text and attributes, and the
 * template writes the row element around them.
 *
 * @param row   the record behind the row, for the row's own attributes (a coordinator's county)
 * @param cells one per column shown on the page, in the columns' order
 */
public record PageRow<T>(T row, List<Cell> cells) {

    /** The row's {@code <td>} elements, as the page shows them. */
    public String html() {
        StringBuilder html = new StringBuilder(cells.size() * 80);
        for (Cell cell : cells) {
            cell.writeTo(html);
        }
        return html.toString();
    }

    /**
     * One cell.
     *
     * @param cssClass  "num " for figures, and the column's part of a folded county card
     * @param label     the column's heading, which a folded row shows beside the value
     * @param href      where the value leads ({@link SummaryLinks}), or null
     * @param linkClass the sign-off state's badge, or null
     * @param title     why a county's figures are provisional, or null
     */
    public record Cell(String cssClass, String label, @Nullable String href, String text, @Nullable String linkClass,
                       @Nullable String title) {

        void writeTo(StringBuilder html) {
            html.append("<td");
            attribute(html, "class", cssClass.isEmpty() ? null : cssClass);
            attribute(html, "data-label", label);
            html.append('>');
            if (href == null) {
                html.append(escape(text));
            } else {
                html.append("<a");
                attribute(html, "href", href);
                attribute(html, "class", linkClass);
                attribute(html, "title", title);
                html.append('>').append(escape(text)).append("</a>");
            }
            html.append("</td>");
        }

        private static void attribute(StringBuilder html, String name, @Nullable String value) {
            if (value != null) {
                html.append(' ').append(name).append("=\"").append(escape(value)).append('"');
            }
        }

        /** Markup-significant characters only, as th:text and th:attr write them. */
        private static String escape(String value) {
            return HtmlEscape.escapeHtml4Xml(value);
        }
    }

    static <T> List<PageRow<T>> of(List<Column<T>> columns, List<T> rows, Figures fig, SummaryColumns.Words words,
                                   SummaryLinks links) {
        List<String> labels = columns.stream().map(column -> words.get(column.label())).toList();
        List<PageRow<T>> table = new ArrayList<>(rows.size());
        for (T row : rows) {
            List<Cell> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Column<T> column = columns.get(i);
                boolean signOff = SummaryLinks.SIGN_OFF.equals(column.link());
                boolean provisional = signOff && row instanceof Rows.County county && !county.accepted();
                cells.add(new Cell((column.numeric() ? "num " : "") + (column.fold() == null ? "" : column.fold()),
                        labels.get(i), links.href(column.link(), row), column.shown(row, fig, words),
                        signOff ? (provisional ? "badge provisional" : "badge") : null,
                        provisional ? words.get("signoff.provisional.hint") : null));
            }
            table.add(new PageRow<>(row, cells));
        }
        return table;
    }
}

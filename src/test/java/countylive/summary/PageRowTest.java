package countylive.summary;

import countylive.web.Figures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cells of a summary table as the page writes them, worked out without a template or a database. */
class PageRowTest {

    /** Words that show their key, so that each cell's heading and texts can be told apart. */
    private final SummaryColumns.Words words = (key, arguments) -> "[" + key + "]";
    private final List<SummaryColumns.Column<Rows.County>> columns = SummaryColumns.onPage(SummaryColumns.COUNTY);

    private static Rows.County county(String code, boolean accepted) {
        return new Rows.County(code, "英山县", "420000", "湖北省", true, null, 3, new BigDecimal("4.5"), 120, 100,
                new BigDecimal("1234.50"), new BigDecimal("10.00"), 5000L, 800L, 2, 7L, accepted);
    }

    private PageRow.Cell cell(PageRow<Rows.County> row, String label) {
        return row.cells().stream().filter(cell -> cell.label().equals("[" + label + "]")).findFirst().orElseThrow();
    }

    @Test
    void eachColumnGivesItsTextClassHeadingAndLink() {
        SummaryLinks links = new SummaryLinks(7, "campaign=7", Set.of());
        PageRow<Rows.County> row = PageRow.of(columns, List.of(county("421124", true)), new Figures(), words, links).get(0);

        assertEquals(columns.size(), row.cells().size(), "one cell per column shown on the page");
        PageRow.Cell name = cell(row, "summary.col.county");
        assertEquals("英山县", name.text());
        assertEquals("fold-title", name.cssClass());
        assertEquals("/lines?campaign=7&county=421124", name.href());
        PageRow.Cell gross = cell(row, "summary.gross");
        assertEquals("¥1,234.50", gross.text());
        assertEquals("num fold-key", gross.cssClass());
        assertNull(gross.href());
        assertEquals("num ", cell(row, "summary.refunds").cssClass(), "a figure that folds away on a phone");
        assertEquals("[summary.yes]", cell(row, "summary.col.poverty").text());
        PageRow.Cell state = cell(row, "signoff.state");
        assertEquals("badge", state.linkClass());
        assertNull(state.title(), "accepted figures need no explanation");
        assertEquals("/campaigns/7/sign-off", state.href());
    }

    @Test
    void provisionalFiguresCarryTheirBadgeAndWhy() {
        SummaryLinks links = new SummaryLinks(7, "campaign=7", Set.of());
        PageRow<Rows.County> row = PageRow.of(columns, List.of(county("421124", false)), new Figures(), words, links).get(0);
        PageRow.Cell state = cell(row, "signoff.state");
        assertEquals("badge provisional", state.linkClass());
        assertEquals("[signoff.provisional.hint]", state.title());
        assertEquals("[signoff.provisional]", state.text());
        assertNull(cell(row, "summary.gross").linkClass(), "only the state is a badge");
    }

    @Test
    void theRowIsWrittenAsTheTemplateWroteItAndEscaped() {
        SummaryLinks links = new SummaryLinks(7, "campaign=7&from=2020-04-01", Set.of());
        Rows.County named = new Rows.County("421124", "<b>英山&\"县'</b>", "420000", "湖北省", false, null, 0, null, 0, 0,
                new BigDecimal("0.00"), new BigDecimal("0.00"), null, null, 0, null, false);
        String html = PageRow.of(columns, List.of(named), new Figures(), words, links).get(0).html();
        assertTrue(html.startsWith("<td class=\"fold-title\" data-label=\"[summary.col.county]\">"
                + "<a href=\"/lines?campaign=7&amp;from=2020-04-01&amp;county=421124\">"
                + "&lt;b&gt;英山&amp;&quot;县&#39;&lt;/b&gt;</a></td>"), html);
        assertTrue(html.contains("<td data-label=\"[summary.col.province]\">湖北省</td>"), "no class when it has none: " + html);
        assertTrue(html.contains("<td class=\"num \" data-label=\"[summary.refunds]\">¥0.00</td>"), html);
        assertTrue(html.endsWith("<a href=\"/campaigns/7/sign-off\" class=\"badge provisional\""
                + " title=\"[signoff.provisional.hint]\">[signoff.provisional]</a></td>"), html);
        assertFalse(html.contains("<b>"), "nothing of the name is markup");
    }

    @Test
    void aCoordinatorsCellsLeadOnlyIntoTheirOwnCounties() {
        SummaryLinks links = new SummaryLinks(7, "campaign=7", Set.of("421124"));
        List<PageRow<Rows.County>> rows = PageRow.of(columns, List.of(county("421124", true), county("420526", true)),
                new Figures(), words, links);
        assertEquals("/lines?campaign=7&county=421124", cell(rows.get(0), "summary.col.county").href());
        assertNull(cell(rows.get(1), "summary.col.county").href(), "another county's lines would not open");
        assertNull(cell(rows.get(1), "summary.households").href());
        assertEquals("420526", rows.get(1).row().code(), "the row keeps its record for the row's own attributes");
    }
}

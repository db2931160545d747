package countylive.summary;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bar's label fits left of its bar, so the drawing's edge never cuts off its start. */
class BarChartTest {

    private static final String TEA = "澜沧古树茶礼盒装 · 澜沧拉祜族自治县";

    @Test
    void aLongProductLabelIsDrawnWholeFromItsStart() {
        BarChart chart = BarChart.horizontal(List.of(new BarChart.Item(TEA, BigDecimal.TEN, "¥10.00", "/lines")));
        BarChart.Bar bar = chart.bars().get(0);
        assertEquals(TEA, bar.label(), "this label fits the label column whole");
        assertTrue(bar.x() - 6 - BarChart.estimatedWidth(bar.label()) >= 0, "right-aligned, it starts inside the drawing");
    }

    @Test
    void aLabelTooLongForItsColumnLosesItsEndNotItsStart() {
        String longer = "澜沧古树茶礼盒装珍藏版三百五十七克七饼一提 · 澜沧拉祜族自治县";
        BarChart.Bar bar = BarChart.horizontal(List.of(new BarChart.Item(longer, BigDecimal.ONE, "¥1.00", null)))
                .bars().get(0);
        assertTrue(bar.label().startsWith("澜沧古树茶礼盒装") && bar.label().endsWith("…"), bar.label());
        assertTrue(bar.x() - 6 - BarChart.estimatedWidth(bar.label()) >= 0, bar.label());
        assertEquals(longer, bar.fullName(), "the tooltip keeps the whole name");
    }

    @Test
    void shortLabelsAreLeftAlone() {
        assertEquals("abc", BarChart.fitted("abc", 20));
        assertEquals("云雾茶…", BarChart.fitted("云雾茶云雾茶", 50));
    }
}

package countylive.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a server-side SVG bar chart: the template draws what this computes. Values
 * come already aggregated from SQL; here they are only scaled to the drawing.
 */
public record BarChart(int width, int height, List<Bar> bars, boolean horizontal) {

    static final int LABEL_WIDTH = 240;
    static final int ROW = 22;
    /** The label's font size in the drawing's units (app.css: svg.bar-chart text). */
    static final double FONT = 11;

    /**
     * @param label    as drawn: shortened at its end to fit left of the bar
     * @param fullName the whole label, the bar's tooltip and accessible name
     */
    public record Bar(String label, String fullName, String value, String href, int x, int y, int width, int height,
                      int textX, int textY) {
    }

    public record Item(String label, BigDecimal value, String shown, String href) {
    }

    /** One row per item, bars from the left, labels on the left, the value after the bar. */
    static BarChart horizontal(List<Item> items) {
        int width = 760;
        int plot = width - LABEL_WIDTH - 140;
        BigDecimal max = max(items);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int length = scale(item.value(), max, plot);
            int y = i * ROW + 4;
            bars.add(new Bar(fitted(item.label(), LABEL_WIDTH - 10), item.label(), item.shown(), item.href(),
                    LABEL_WIDTH, y, length, ROW - 6,
                    LABEL_WIDTH + length + 6, y + ROW - 10));
        }
        return new BarChart(width, Math.max(items.size() * ROW + 8, 30), bars, true);
    }

    /** One column per item (days), in order, labels under every few columns. */
    static BarChart columns(List<Item> items) {
        int width = 760;
        int plotHeight = 200;
        int slot = items.isEmpty() ? width : Math.max(1, (width - 20) / items.size());
        BigDecimal max = max(items);
        List<Bar> bars = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(items.size() / 10.0));
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int length = scale(item.value(), max, plotHeight);
            int x = 10 + i * slot;
            String label = i % every == 0 ? item.label() : "";
            bars.add(new Bar(label, item.label(), item.shown(), item.href(), x, 10 + plotHeight - length,
                    Math.max(1, slot - 2), length, x, plotHeight + 26));
        }
        return new BarChart(width, plotHeight + 34, bars, false);
    }

    /**
     * The label shortened at its end, with "…", to the given width. A label right-aligned against
     * the bar that is wider than its room loses its start to the drawing's left edge ("沧古树茶…"
     * for "澜沧古树茶…"); the start names the product, so it is the end that goes. The width is
     * estimated: a Chinese character is a full em, other characters about six tenths of one.
     */
    static String fitted(String label, int width) {
        if (estimatedWidth(label) <= width) {
            return label;
        }
        StringBuilder kept = new StringBuilder();
        double room = width - FONT;
        double used = 0;
        for (int i = 0; i < label.length(); ) {
            int codePoint = label.codePointAt(i);
            double advance = advance(codePoint);
            if (used + advance > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += advance;
            i += Character.charCount(codePoint);
        }
        return kept.toString().stripTrailing() + "…";
    }

    static double estimatedWidth(String label) {
        return label.codePoints().mapToDouble(BarChart::advance).sum();
    }

    private static double advance(int codePoint) {
        return Character.isIdeographic(codePoint) || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF) ? FONT : FONT * 0.6;
    }

    private static BigDecimal max(List<Item> items) {
        return items.stream().map(Item::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    private static int scale(BigDecimal value, BigDecimal max, int span) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(span)).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }
}

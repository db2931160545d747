package countylive.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * A value the platform reports that County Live has no field for, checked and written in one
 * form whatever the export's style: money as yuan with two decimals, counts as digits, rates
 * with their percent sign, durations in 时分秒. A value that is "not reported" is not kept.
 */
final class Metrics {

    private Metrics() {
    }

    /** Adds the value under the platform's own name; a value that does not read as its header says throws. */
    static void put(Map<String, String> metrics, String name, String raw) throws CellValues.BadValue {
        if (CellValues.notReported(raw) || name.isBlank()) {
            return;
        }
        String header = Column.key(name);
        String value;
        if (header.contains("时长")) {
            value = duration(CellValues.seconds(raw));
        } else if (header.endsWith("率") || header.contains("率(") || CellValues.clean(raw).endsWith("%")) {
            value = CellValues.percent(raw).stripTrailingZeros().toPlainString() + "%";
        } else if (header.contains("金额") || header.contains("消耗") || header.contains("价")
                || CellValues.clean(raw).startsWith("¥")) {
            value = "¥" + grouped(CellValues.money(raw), "#,##0.00");
        } else if (header.endsWith("数") || header.endsWith("人数") || header.endsWith("次数")) {
            value = number(raw);
        } else {
            value = CellValues.clean(raw);
        }
        metrics.put(name.strip(), value);
    }

    /** A count as digits, or a figure with a fraction (平均在线人数 may have one) as it is. */
    private static String number(String raw) throws CellValues.BadValue {
        try {
            return grouped(BigDecimal.valueOf(CellValues.count(raw)), "#,##0");
        } catch (CellValues.BadValue e) {
            BigDecimal value = CellValues.money(raw);
            return grouped(value.stripTrailingZeros(), "#,##0.##");
        }
    }

    /** Thousands grouped with commas, as the platforms and Chinese readers write figures (¥13,200.00). */
    private static String grouped(BigDecimal value, String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return (hours > 0 ? hours + "时" : "") + (hours > 0 || minutes > 0 ? minutes + "分" : "") + rest + "秒";
    }
}

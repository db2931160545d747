package countylive.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How figures read on the pages: money as ¥ with fen, large sums in 万/亿 for Chinese readers and
 * in millions for English ones, counts with separators, and nothing at all for a missing figure
 * (a blank, never a 0 that was not reported). Templates get it as {@code fig}.
 */
@Singleton
public class Figures {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    /** Exact money: ¥40,410,000.00. */
    public String money(@Nullable Number value) {
        if (value == null) {
            return "";
        }
        return (sign(value) < 0 ? "-¥" : "¥") + format(decimal(value).abs(), "#,##0.00");
    }

    /** Money as people read large sums: 4,041.00万元 / ¥40.41 million; small sums exactly. */
    public String large(@Nullable Number value, @Nullable Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal amount = decimal(value);
        BigDecimal magnitude = amount.abs();
        if (isEnglish(locale)) {
            if (magnitude.compareTo(BILLION) >= 0) {
                return "¥" + format(amount.divide(BILLION, 2, RoundingMode.HALF_UP), "#,##0.00") + " billion";
            }
            if (magnitude.compareTo(MILLION) >= 0) {
                return "¥" + format(amount.divide(MILLION, 2, RoundingMode.HALF_UP), "#,##0.00") + " million";
            }
            return money(amount);
        }
        if (magnitude.compareTo(YI) >= 0) {
            return format(amount.divide(YI, 2, RoundingMode.HALF_UP), "#,##0.00") + "亿元";
        }
        if (magnitude.compareTo(WAN) >= 0) {
            return format(amount.divide(WAN, 2, RoundingMode.HALF_UP), "#,##0.00") + "万元";
        }
        return money(amount);
    }

    /** A count: 529,000. */
    public String count(@Nullable Number value) {
        if (value == null) {
            return "";
        }
        return format(decimal(value).setScale(0, RoundingMode.HALF_UP), "#,##0");
    }

    /** A decimal figure with the given places, e.g. hours live or sales per thousand views. */
    public String decimal(@Nullable Number value, int places) {
        if (value == null) {
            return "";
        }
        String pattern = places == 0 ? "#,##0" : "#,##0." + "0".repeat(places);
        return format(decimal(value).setScale(places, RoundingMode.HALF_UP), pattern);
    }

    /** A share as a percentage with one decimal: 87.5%. */
    public String percent(@Nullable Number value) {
        if (value == null) {
            return "";
        }
        return decimal(decimal(value).multiply(BigDecimal.valueOf(100)), 1) + "%";
    }

    private static boolean isEnglish(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static int sign(Number value) {
        return decimal(value).signum();
    }

    private static BigDecimal decimal(Number value) {
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(value.longValue());
        }
        return new BigDecimal(value.toString());
    }

    /**
     * DecimalFormat is costly to build and not thread-safe: each thread keeps one per pattern (a
     * summary page formats thousands of cells).
     */
    private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private static String format(BigDecimal value, String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> {
            DecimalFormat format = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format;
        }).format(value);
    }
}

package countylive.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one way figures read on the pages, in both languages. */
class FiguresTest {

    private final Figures fig = new Figures();

    @Test
    void moneyIsExactToTheFenWithSeparators() {
        assertEquals("¥40,410,000.00", fig.money(new BigDecimal("40410000")));
        assertEquals("¥11,800.50", fig.money(new BigDecimal("11800.5")));
        assertEquals("-¥0.50", fig.money(new BigDecimal("-0.50")));
        assertEquals("¥0.00", fig.money(0L));
    }

    @Test
    void largeSumsReadIn万And亿ForChineseAndMillionsForEnglish() {
        assertEquals("4,041.00万元", fig.large(new BigDecimal("40410000"), Locale.SIMPLIFIED_CHINESE));
        assertEquals("1.79亿元", fig.large(new BigDecimal("179300000"), Locale.SIMPLIFIED_CHINESE));
        assertEquals("¥9,999.99", fig.large(new BigDecimal("9999.99"), Locale.SIMPLIFIED_CHINESE));
        assertEquals("¥40.41 million", fig.large(new BigDecimal("40410000"), Locale.ENGLISH));
        assertEquals("¥1.20 billion", fig.large(new BigDecimal("1200000000"), Locale.ENGLISH));
    }

    @Test
    void countsDecimalsAndPercentages() {
        assertEquals("529,000", fig.count(529_000L));
        assertEquals("1,234.6", fig.decimal(new BigDecimal("1234.56"), 1));
        assertEquals("87.5%", fig.percent(new BigDecimal("0.875")));
    }

    @Test
    void aMissingFigureIsBlankNeverZero() {
        assertEquals("", fig.money(null));
        assertEquals("", fig.large(null, Locale.ENGLISH));
        assertEquals("", fig.count(null));
        assertEquals("", fig.percent(null));
    }
}

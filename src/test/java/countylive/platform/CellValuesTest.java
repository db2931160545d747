package countylive.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellValuesTest {

    @Test
    void moneyAsThePlatformsWriteIt() throws Exception {
        assertEquals(new BigDecimal("236552.00"), CellValues.money("¥236,552"));
        assertEquals(new BigDecimal("236552.00"), CellValues.money("￥236,552"), "full-width yen");
        assertEquals(new BigDecimal("12000.00"), CellValues.money("1.2万"));
        assertEquals(new BigDecimal("123456.79"), CellValues.money("12.3456789万"), "rounded to the fen");
        assertEquals(new BigDecimal("3.00"), CellValues.money("3"));
        assertEquals(new BigDecimal("210000000.00"), CellValues.money("2.1亿"));
        assertNull(CellValues.money("-"));
        assertNull(CellValues.money(""));
        assertNull(CellValues.money(null));
        assertEquals("platform.value.money", assertThrows(CellValues.BadValue.class, () -> CellValues.money("abc"))
                .messageKey());
        assertThrows(CellValues.BadValue.class, () -> CellValues.money("-5"));
    }

    @Test
    void countsAreWholeAndNotReportedIsNull() throws Exception {
        assertEquals(12000L, CellValues.count("1.2万"));
        assertEquals(152300L, CellValues.count("152,300"));
        assertEquals(7L, CellValues.count("7人"));
        assertNull(CellValues.count("--"));
        assertNull(CellValues.count("—"));
        assertThrows(CellValues.BadValue.class, () -> CellValues.count("1.5"));
    }

    @Test
    void percentagesAndDurations() throws Exception {
        assertEquals(new BigDecimal("0.68"), CellValues.percent("0.68%"));
        assertEquals(65L, CellValues.seconds("1分5秒"));
        assertEquals(3725L, CellValues.seconds("1时2分5秒"));
        assertEquals(3725L, CellValues.seconds("1小时2分钟5秒"));
        assertEquals(65L, CellValues.seconds("00:01:05"));
        assertEquals(40L, CellValues.seconds("40秒"));
        assertNull(CellValues.seconds("-"));
        assertThrows(CellValues.BadValue.class, () -> CellValues.seconds("一分钟"));
        assertEquals("1时2分5秒", Metrics.duration(3725));
        assertEquals("1分5秒", Metrics.duration(65));
    }

    @Test
    void timesAndAStartAndEndInOneCell() throws Exception {
        assertEquals(LocalDateTime.of(2026, 7, 28, 8, 15, 49), CellValues.time("2026/07/28 08:15:49"));
        assertEquals(LocalDateTime.of(2026, 7, 28, 8, 15), CellValues.time("2026-07-28 08:15"));
        assertEquals(LocalDateTime.of(2020, 4, 10, 12, 0), CellValues.time("43931.5"), "Excel's day number");
        CellValues.Span span = CellValues.span("2026/07/28 08:15:49-2026/07/28 15:44:39");
        assertEquals(LocalDateTime.of(2026, 7, 28, 8, 15, 49), span.start());
        assertEquals(LocalDateTime.of(2026, 7, 28, 15, 44, 39), span.end());
        CellValues.Span overnight = CellValues.span("2026/07/28 22:00:00 ~ 01:30");
        assertEquals(LocalDateTime.of(2026, 7, 29, 1, 30), overnight.end(), "an end past midnight is the next day");
        assertThrows(CellValues.BadValue.class, () -> CellValues.span("2026/07/28"));
        assertThrows(CellValues.BadValue.class, () -> CellValues.time("2026/13/40 08:00"));
    }

    @Test
    void headersMatchThroughTheAliasTable() {
        assertTrue(Column.DY_ACCOUNT.matches("抖音号or火山号"));
        assertTrue(Column.DY_ACCOUNT.matches(" 抖音号 "));
        assertTrue(Column.TB_GROSS.matches("成交金额(元)"), "a unit in brackets");
        assertTrue(Column.TB_GROSS.matches("成交金额（元）"), "full-width brackets");
        assertTrue(Column.TB_SESSION_ID.matches("场次ID"));
        assertTrue(Column.TB_VIEWS.matches("直播间浏览次数"), "the older API name");
    }
}

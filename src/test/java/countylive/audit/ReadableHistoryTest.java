package countylive.audit;

import countylive.web.Figures;
import io.micronaut.context.StaticMessageSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Entries of a page become readable lines: labels in order, names from one lookup, files, gone records. */
class ReadableHistoryTest {

    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final LocalDateTime AT = LocalDateTime.of(2020, 4, 10, 21, 5);

    private final RecordNames recordNames = mock(RecordNames.class);
    private final StaticMessageSource messages = new StaticMessageSource()
            .addMessage(ZH, "audit.type.sale_line", "销售记录")
            .addMessage(ZH, "audit.type.product", "商品")
            .addMessage(ZH, "audit.field.sale_line.units", "成交件数")
            .addMessage(ZH, "audit.field.sale_line.gross", "成交金额")
            .addMessage(ZH, "audit.field.sale_line.productId", "商品")
            .addMessage(ZH, "audit.field.account.password", "密码")
            .addMessage(ZH, "history.fromFile", "导入 {0}")
            .addMessage(ZH, "history.gone", "{0}（已删除）");
    private final ReadableHistory history = new ReadableHistory(recordNames, messages, new Figures());

    @Test
    void namesEveryIdOfThePageInOneLookup() {
        when(recordNames.find(any())).thenReturn(Names.NONE);
        history.lines(List.of(
                entry("live_session", "5", "CREATE", "421124", changes("hosts", null, "28,29", "campaignId", null, "3",
                        "platform", null, "DOUYIN")),
                entry("sale_line", "7", "UPDATE", "421124", changes("units", "150", "160")),
                entry("sale_line", "8", "CREATE", "420526", changes("productId", null, "84", "sessionId", null, "5"))), ZH);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<RecordType, Set<String>>> ids = ArgumentCaptor.forClass(Map.class);
        verify(recordNames, times(1)).find(ids.capture());
        assertEquals(Map.of(RecordType.LIVE_SESSION, Set.of("5"), RecordType.HOST, Set.of("28", "29"),
                RecordType.CAMPAIGN, Set.of("3"), RecordType.COUNTY, Set.of("421124", "420526"),
                RecordType.SALE_LINE, Set.of("7", "8"), RecordType.PRODUCT, Set.of("84")), ids.getValue());
    }

    @Test
    void fieldsReadByTheirLabelsInTheRecordsOrder() {
        when(recordNames.find(any())).thenReturn(Names.NONE);
        // stored alphabetically, as the trail writes them
        HistoryLine line = one(entry("sale_line", "7", "UPDATE", null,
                changes("gross", "15000.00", "16000.00", "legacyField", "a", "b", "units", "150", "160")));
        assertEquals(List.of(new HistoryLine.Change("成交件数", "150", "160", true),
                new HistoryLine.Change("成交金额", "¥15,000.00", "¥16,000.00", true),
                new HistoryLine.Change("legacyField", "a", "b", true)), line.changes());
    }

    @Test
    void aPasswordChangeNamesTheFieldWithoutValues() {
        when(recordNames.find(any())).thenReturn(Names.NONE);
        HistoryLine line = one(entry("account", "9", "UPDATE", null, changes("password", null, null)));
        assertEquals(List.of(new HistoryLine.Change("密码", null, null, false)), line.changes());
    }

    @Test
    void aChangeMadeByAnImportNamesTheFile() {
        when(recordNames.find(any())).thenReturn(Names.NONE);
        AuditEntry imported = new AuditEntry(1, AT, "yingshan", "UPDATE", "sale_line", "7", null,
                changes("units", "150", "160"), "sales.xlsx");
        assertEquals("导入 sales.xlsx", one(imported).fromFile());
        AuditEntry typed = entry("sale_line", "7", "UPDATE", null, changes("units", "160", "170"));
        assertNull(one(typed).fromFile());
    }

    @Test
    void aLineDeletedSinceIsNamedByItsOwnEntriesOnThePage() {
        when(recordNames.find(any())).thenReturn(new Names(Map.of(RecordType.PRODUCT, Map.of("84", "英山云雾茶"))));
        List<HistoryLine> lines = history.lines(List.of(
                entry("sale_line", "7", "DELETE", null, changes("productId", "84", null, "units", "160", null)),
                entry("sale_line", "7", "UPDATE", null, changes("units", "150", "160"))), ZH);
        assertEquals("英山云雾茶", lines.get(0).subject());
        assertEquals("英山云雾茶", lines.get(1).subject(), "the update says which line, though it names no product");
        assertEquals("销售记录 #7 英山云雾茶", lines.get(1).record());
    }

    @Test
    void aRecordIsNamedForTheTrailAndItsCountyByName() {
        when(recordNames.find(any())).thenReturn(new Names(Map.of(RecordType.PRODUCT, Map.of("84", "英山云雾茶"),
                RecordType.COUNTY, Map.of("421124", "英山县"))));
        HistoryLine line = one(entry("product", "84", "UPDATE", "421124", changes("productId", "83", "84")));
        assertEquals("商品 #84 英山云雾茶", line.record());
        assertEquals("英山县", line.county());
        assertNull(line.subject(), "a product's page is the product's own");
        HistoryLine gone = one(entry("product", "85", "UPDATE", "999999", changes("unit", "盒", "袋")));
        assertEquals("商品 #85", gone.record());
        assertEquals("999999", gone.county(), "an unknown county shows its code");
        assertFalse(gone.changes().isEmpty());
        assertTrue(gone.changes().get(0).recorded());
    }

    private HistoryLine one(AuditEntry entry) {
        return history.lines(List.of(entry), ZH).get(0);
    }

    private static AuditEntry entry(String type, String id, String action, String county,
                                    Map<String, List<String>> changes) {
        return new AuditEntry(1, AT, "yingshan", action, type, id, county, changes, null);
    }

    /** field, before, after, field, before, after, ... */
    private static Map<String, List<String>> changes(String... values) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 3) {
            changes.put(values[i], Arrays.asList(values[i + 1], values[i + 2]));
        }
        return changes;
    }
}

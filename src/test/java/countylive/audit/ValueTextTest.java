package countylive.audit;

import countylive.web.Figures;
import io.micronaut.context.StaticMessageSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static countylive.audit.AuditedField.count;
import static countylive.audit.AuditedField.dateTime;
import static countylive.audit.AuditedField.label;
import static countylive.audit.AuditedField.money;
import static countylive.audit.AuditedField.name;
import static countylive.audit.AuditedField.names;
import static countylive.audit.AuditedField.text;
import static countylive.audit.AuditedField.yesNo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How one stored value of the trail reads, in each language. */
class ValueTextTest {

    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    private final StaticMessageSource messages = new StaticMessageSource()
            .addMessage(ZH, "platform.DOUYIN", "抖音").addMessage(Locale.ENGLISH, "platform.DOUYIN", "Douyin")
            .addMessage(ZH, "history.yes", "是").addMessage(Locale.ENGLISH, "history.yes", "Yes")
            .addMessage(ZH, "history.no", "否").addMessage(Locale.ENGLISH, "history.no", "No")
            .addMessage(ZH, "history.gone", "{0}（已删除）").addMessage(Locale.ENGLISH, "history.gone", "{0} (deleted)");

    private final Names names = new Names(Map.of(
            RecordType.HOST, Map.of("28", "李佳", "29", "王五"),
            RecordType.PRODUCT, Map.of("84", "英山云雾茶"),
            RecordType.COUNTY, Map.of("421124", "英山县", "420526", "兴山县")));

    private final ValueText zh = new ValueText(ZH, messages, new Figures(), names);
    private final ValueText en = new ValueText(Locale.ENGLISH, messages, new Figures(), names);

    @Test
    void moneyAndCountsReadWithSeparators() {
        assertEquals("¥11,800.50", zh.show(money("gross"), "11800.50"));
        assertEquals("¥40,410,000.00", en.show(money("targetGross"), "40410000.00"));
        assertEquals("529,000", zh.show(count("units"), "529000"));
        assertEquals("160", zh.show(count("units"), "160"));
    }

    @Test
    void codesAndFlagsReadInTheReadersLanguage() {
        assertEquals("抖音", zh.show(label("platform", "platform."), "DOUYIN"));
        assertEquals("Douyin", en.show(label("platform", "platform."), "DOUYIN"));
        assertEquals("是", zh.show(yesNo("onBehalf"), "true"));
        assertEquals("No", en.show(yesNo("enabled"), "false"));
    }

    @Test
    void timesReadToTheMinute() {
        assertEquals("2020-04-10 19:00", zh.show(dateTime("startsAt"), "2020-04-10T19:00"));
        assertEquals("2020-04-10 19:00", zh.show(dateTime("startsAt"), "2020-04-10T19:00:30"));
    }

    @Test
    void idsReadAsNamesAndAGoneRecordAsItsIdWithANote() {
        assertEquals("英山云雾茶", zh.show(name("productId", RecordType.PRODUCT), "84"));
        assertEquals("#85（已删除）", zh.show(name("productId", RecordType.PRODUCT), "85"));
        assertEquals("#85 (deleted)", en.show(name("productId", RecordType.PRODUCT), "85"));
        assertEquals("英山县", zh.show(name("countyCode", RecordType.COUNTY), "421124"));
    }

    @Test
    void listsOfIdsReadAsNamesInTheLanguagesWay() {
        assertEquals("李佳、王五", zh.show(names("hosts", RecordType.HOST), "28,29"));
        assertEquals("李佳, 王五", en.show(names("hosts", RecordType.HOST), "28,29"));
        assertEquals("李佳、#30（已删除）", zh.show(names("hosts", RecordType.HOST), "28,30"));
        // an account's counties are stored space-separated, a campaign's comma-separated
        assertEquals("兴山县、英山县", zh.show(names("counties", RecordType.COUNTY), "420526 421124"));
    }

    @Test
    void noValueIsNothingAndAnUnreadableValueIsShownAsStored() {
        assertNull(zh.show(text("description"), null));
        assertNull(zh.show(names("partners", RecordType.PARTNER), ""));
        assertEquals("abc", zh.show(money("gross"), "abc"));
        assertEquals("yesterday", zh.show(dateTime("startsAt"), "yesterday"));
        assertEquals("MARS", zh.show(label("platform", "platform."), "MARS"));
        assertEquals("王芳", zh.show(text("displayName"), "王芳"));
    }
}

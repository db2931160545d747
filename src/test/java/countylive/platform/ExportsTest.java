package countylive.platform;

import countylive.host.Platform;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsers on workbooks built with POI, read back as the import reads them (streamed). */
class ExportsTest {

    private static Parsed read(String name, byte[]... files) throws Exception {
        List<Exports.File> texts = new java.util.ArrayList<>();
        int i = 0;
        for (byte[] bytes : files) {
            Path copy = Files.createTempFile("platform-test-", ".xlsx");
            try {
                Files.write(copy, bytes);
                texts.add(ExportReader.read(name + (i++), new File(copy.toString()), Long.MAX_VALUE));
            } finally {
                Files.delete(copy);
            }
        }
        return Exports.read(texts);
    }

    @Test
    void aDouyinSessionWithSkuRowsARepeatedHeaderAndTheQuirksOfItsValues() throws Exception {
        Parsed parsed = read("douyin", PlatformWorkbooks.douyin().bytes());
        assertEquals(List.of(), parsed.problems());
        Parsed.Session session = parsed.sessions().get(0);
        assertEquals(Platform.DOUYIN, session.platform());
        assertEquals("yingshan_live", session.account());
        assertEquals("英山县长", session.hostName());
        assertEquals(LocalDateTime.of(2020, 4, 10, 19, 0, 21), session.startsAt());
        assertEquals(LocalDateTime.of(2020, 4, 10, 21, 2, 40), session.endsAt());
        assertEquals(12000L, session.uniqueViewers());
        assertNull(session.peakViewers(), "- is not reported, not zero");
        assertNull(session.views(), "the compass reports people, not views");
        assertEquals(2, session.products().size(), "SKU rows and the repeated header are no products");
        Parsed.Product second = session.products().get(1);
        assertEquals("3609876543210", second.externalId());
        assertEquals(new BigDecimal("12000.00"), second.gross());
        assertEquals(240, second.units());
        assertEquals(200, second.orders(), "orders from 成交人数, the export has no order count");
        assertTrue(session.ordersFromBuyers());
        assertNull(second.refunds(), "the compass has no refunds");
        assertEquals(Parsed.GrossSource.DOUYIN_USER_PAID, session.grossSource());
        assertEquals("1分5秒", session.metrics().get("人均观看时长"));
        assertEquals("0.68%", session.metrics().get("直播间观看-成交率(人数)"));
        assertEquals("211", session.metrics().get("成交人数"), "buyers, from 流量转化");
        assertEquals("¥2,360.50", session.metrics().get("渠道 整体 · 千川消耗"), "千川 spend");
        assertEquals("¥13,200.00", session.metrics().get("直播间用户支付金额"));
        assertFalse(session.metrics().containsKey("最高在线人数"), "not reported: not kept");
    }

    @Test
    void renamedHeadersStillMatch() throws Exception {
        Parsed parsed = read("old", PlatformWorkbooks.douyin().renamed().bytes());
        assertEquals(List.of(), parsed.problems());
        Parsed.Session session = parsed.sessions().get(0);
        assertEquals("yingshan_live", session.account());
        assertEquals(LocalDateTime.of(2020, 4, 10, 21, 2, 40), session.endsAt());
        assertEquals(12000L, session.uniqueViewers());
        assertEquals(2, session.products().size());
        assertEquals(Parsed.GrossSource.DOUYIN_GMV, session.grossSource(), "its products sheet says 成交金额");
    }

    @Test
    void aMissingColumnOrSheetIsNamed() throws Exception {
        Parsed noAccount = read("x", PlatformWorkbooks.douyin().withoutAccountColumn().bytes());
        assertEquals(List.of(), noAccount.sessions());
        Parsed.Problem problem = noAccount.problems().get(0);
        assertEquals("platform.layout.noColumn", problem.key());
        assertEquals(List.of("基本信息", "抖音号or火山号"), problem.arguments());

        Parsed noProducts = read("y", PlatformWorkbooks.douyin().withoutProductsSheet().bytes());
        assertEquals("platform.layout.noSheet", noProducts.problems().get(0).key());
        assertEquals(List.of("商品分析-商品明细"), noProducts.problems().get(0).arguments());

        Parsed unknown = read("z", PlatformWorkbooks.workbook("Sheet1", List.of(List.of("a", "b"), List.of("1", "2"))));
        assertEquals("platform.layout.unknown", unknown.problems().get(0).key());
    }

    @Test
    void aBadValueIsReportedWithSheetRowAndHeader() throws Exception {
        Parsed parsed = read("bad", PlatformWorkbooks.douyin().products(
                new PlatformWorkbooks.DouyinProduct("1", "英山毛尖", "十元", "3", "3")).bytes());
        Parsed.Problem problem = parsed.problems().get(0);
        assertEquals("platform.value.money", problem.key());
        assertEquals("商品分析-商品明细", problem.place().sheet());
        assertEquals(2, problem.place().row());
        assertEquals("用户支付金额", problem.place().header());
        assertEquals(List.of(), parsed.sessions(), "nothing of a file with a problem");
    }

    @Test
    void aTaobaoPairIsJoinedBySessionId() throws Exception {
        byte[] sessions = PlatformWorkbooks.taobaoSessions(
                PlatformWorkbooks.taobaoSession("英山好茶", "TB1001", "2020/04/12 20:00:00", "2时0分0秒", "1.5万", "8,200", "-"));
        byte[] products = PlatformWorkbooks.taobaoProducts(
                PlatformWorkbooks.taobaoProduct("英山毛尖", "6301", "TB1001", "2020/04/12 20:00:00", "30", "28", "¥1,500", "¥50"),
                PlatformWorkbooks.taobaoProduct("英山云雾", "6302", "TB1001", "2020/04/12 20:00:00", "10", "10", "1,000", "-"));
        Parsed parsed = read("tb", sessions, products);
        assertEquals(List.of(), parsed.problems());
        assertEquals(1, parsed.sessions().size(), "the total row is no session");
        Parsed.Session session = parsed.sessions().get(0);
        assertEquals("TB1001", session.platformSessionId());
        assertEquals(15000L, session.views());
        assertEquals(8200L, session.uniqueViewers());
        assertNull(session.newFollowers());
        assertEquals(LocalDateTime.of(2020, 4, 12, 22, 0), session.endsAt(), "start plus 直播时长");
        assertEquals(2, session.products().size());
        assertEquals(new BigDecimal("50.00"), session.products().get(0).refunds());
        assertNull(session.products().get(1).refunds());
        assertEquals(Parsed.GrossSource.TAOBAO_GMV, session.grossSource());
    }

    @Test
    void sessionsMatchByAccountAndAStartWithinFiveMinutes() {
        Parsed.Session file = new Parsed.Session(Platform.DOUYIN, "f", new SheetText.Place("f", "s", 2, ""), "acc",
                null, null, null, LocalDateTime.of(2020, 4, 10, 19, 0), null, null, null, null, null,
                java.util.Map.of(), Parsed.GrossSource.DOUYIN_USER_PAID, false, List.of());
        PlatformLookups.Candidate ours = candidate(1, "421124", LocalDateTime.of(2020, 4, 10, 19, 4), "acc");
        PlatformLookups.Candidate theirs = candidate(2, "420526", LocalDateTime.of(2020, 4, 10, 19, 1), "acc");
        PlatformLookups.Candidate untagged = candidate(3, "421124", LocalDateTime.of(2020, 4, 10, 18, 58), null);
        assertEquals(SessionMatch.Kind.OURS, SessionMatch.of(file, "421124", List.of(), List.of(ours)).kind());
        assertEquals(SessionMatch.Kind.OTHER_COUNTY, SessionMatch.of(file, "421124", List.of(), List.of(ours, theirs)).kind());
        SessionMatch byTime = SessionMatch.of(file, "421124", List.of(), List.of(untagged));
        assertEquals(3L, byTime.session().id());
        assertTrue(byTime.byTimeOnly());
        assertEquals(SessionMatch.Kind.NEW, SessionMatch.of(file, "421124", List.of(),
                List.of(candidate(4, "421124", LocalDateTime.of(2020, 4, 10, 19, 6), "acc"))).kind(), "six minutes off");
    }

    private static PlatformLookups.Candidate candidate(long id, String county, LocalDateTime start, String account) {
        return new PlatformLookups.Candidate(id, county, county, start, start.plusHours(2), null, null, null, null,
                account, null, new java.util.LinkedHashSet<>(), new java.util.LinkedHashSet<>());
    }
}

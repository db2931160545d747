package countylive.audit;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.host.Platform;
import countylive.ledger.LineFigures;
import countylive.ledger.LinkDraft;
import countylive.ledger.SalesFile;
import countylive.ledger.SessionDraft;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History as clerks read it on the record pages and administrators on /audit: labels, names,
 * words and formatted figures in the reader's language, while the trail itself keeps raw values.
 */
@MicronautTest(transactional = false)
class HistoryPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    EntryData data;
    long campaign;
    long tea;
    long li;
    long wang;
    Browser coordinator;
    CurrentUser yingshan;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        li = data.host("李佳", "lijia");
        wang = data.host("王五", "wangwu");
        yingshan = new CurrentUser(fixtures.coordinatorOf("yingshan", YINGSHAN), "yingshan", "yingshan",
                Role.COORDINATOR, Set.of(YINGSHAN), "");
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void gridHistoryNamesTheProductAndReadsTheFigures() {
        long session = data.session(campaign, YINGSHAN, "2020-04-10");
        assertEquals(303, coordinator.postMulti(sales(session), grid(session, tea, "150", "120", "15000")).status());
        assertEquals(303, coordinator.postMulti(sales(session), grid(session, tea, "160", "120", "16000")).status());

        String history = history(coordinator.get(sales(session)).body());
        assertTrue(history.contains("英山云雾茶 成交件数： 150 → 160"), history);
        assertTrue(history.contains("成交金额： ¥15,000.00 → ¥16,000.00"), history);
        assertTrue(history.contains("直播场次： 2020-04-10 19:00 · 英山县") && history.contains("代销外县商品： 否"), history);
        assertFalse(history.contains("productId") || history.contains("units"), "no raw field names");
        String stored = fixtures.value("SELECT changes FROM audit_event WHERE entity_type = 'sale_line' AND action = 'UPDATE'");
        assertTrue(stored.contains("\"units\":[\"150\",\"160\"]") && stored.contains("\"gross\":[\"15000.00\",\"16000.00\"]"),
                "the trail keeps the raw values: " + stored);
    }

    @Test
    void aChangeMadeByAnImportNamesItsFileInBothLanguages() {
        long session = data.session(campaign, YINGSHAN, "2020-04-10");
        fixtures.ledger().importSales(yingshan, new SalesFile(campaign, YINGSHAN, "sales.xlsx",
                "0".repeat(64), List.of(new SalesFile.Row(2, session, tea, false,
                new LineFigures(150, 120, new BigDecimal("15000.00"), new BigDecimal("0.00")))), List.of(), true));
        assertEquals("sales.xlsx", fixtures.value("SELECT source_file FROM audit_event WHERE entity_type = 'sale_line'"));

        String history = history(coordinator.get(sales(session)).body());
        assertTrue(history.contains("创建 导入 sales.xlsx"), history);
        Browser english = new Browser(server.getURI()).language("en").login("yingshan", Fixtures.PASSWORD);
        String englishHistory = history(english.get(sales(session)).body());
        assertTrue(englishHistory.contains("Created import of sales.xlsx"), englishHistory);
        assertTrue(englishHistory.contains("Units: 150") && englishHistory.contains("Gross sales: ¥15,000.00"),
                englishHistory);
    }

    @Test
    void sessionHistoryShowsThePlatformHostsAndTimesInWords() {
        long session = data.session(campaign, YINGSHAN, "2020-04-10", li, wang);
        String history = history(coordinator.get("/sessions/" + session).body());
        assertTrue(history.contains("平台： 抖音"), history);
        assertTrue(history.contains("主播： 李佳、王五"), history);
        assertTrue(history.contains("开始时间： 2020-04-10 19:00") && history.contains("结束时间： 2020-04-10 21:00"), history);
        assertTrue(history.contains("活动： 县长来直播·春茶季") && history.contains("县（市、区）： 英山县"), history);

        Browser english = new Browser(server.getURI()).language("en").login("yingshan", Fixtures.PASSWORD);
        String englishHistory = history(english.get("/sessions/" + session).body());
        assertTrue(englishHistory.contains("Platform: Douyin") && englishHistory.contains("Hosts: 李佳, 王五"),
                englishHistory);
    }

    @Test
    void aRecordDeletedSinceShowsItsIdWithANote() {
        long session = data.session(campaign, YINGSHAN, "2020-04-10", li);
        long honey = data.product("英山蜂蜜", YINGSHAN, null);
        data.saleLine(session, honey, 5, 5, "500.00");
        assertEquals(303, coordinator.postMulti(sales(session), grid(session, tea, "1", "1", "100")).status(),
                "the honey row left blank: its line is deleted");
        fixtures.execute("DELETE FROM product WHERE id = ?", honey);

        String history = history(coordinator.get(sales(session)).body());
        assertTrue(history.contains("商品： #" + honey + "（已删除）"), history);
    }

    @Test
    void householdPageShowsTheHistoryOfItsLinks() {
        long household = data.household("421124-0001", YINGSHAN, "王某");
        long link = data.linkThrough(campaign, household, tea, "1000");
        fixtures.ledger().updateLink(Fixtures.LOADER, link, 0, new LinkDraft(campaign, tea, new BigDecimal("1200.50")));

        String page = coordinator.get("/households/" + household).body();
        String own = history(page);
        assertTrue(own.contains("县（市、区）： 英山县") && own.contains("家庭人口： 4"), own);
        String links = text(page.substring(page.indexOf("class=\"history link-history\"")));
        assertTrue(links.contains("帮扶记录的修改记录"), links);
        assertTrue(links.contains("县长来直播·春茶季 · 英山云雾茶 增收金额： ¥1,000.00 → ¥1,200.50"), links);
        assertTrue(links.contains("贫困户： 421124-0001"), links);
    }

    @Test
    void auditTrailShowsTypesRecordsCountiesAndChangesInTheReadersLanguage() {
        long session = data.session(campaign, YINGSHAN, "2020-04-10", li, wang);
        fixtures.admin("root");
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);

        String body = admin.get("/audit").body();
        assertTrue(body.contains("<option value=\"live_session\">直播场次</option>"), body);
        String trail = text(body);
        assertTrue(trail.contains("直播场次 #" + session + " 2020-04-10 19:00 · 英山县 英山县 活动： 县长来直播·春茶季"), trail);
        assertTrue(trail.contains("平台： 抖音"), trail);
        assertTrue(trail.contains("主播： 李佳、王五"), trail);
        assertFalse(trail.contains("live_session #"), "no raw type names");

        Browser english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        String englishBody = english.get("/audit?type=live_session").body();
        assertTrue(englishBody.contains("<option value=\"live_session\" selected=\"selected\">Livestream session</option>"),
                englishBody);
        assertTrue(text(englishBody).contains("Platform: Douyin"), englishBody);
    }

    /**
     * Drives every writer of the trail once and checks that each field they write is listed,
     * and so has a label and a way to read: a field added to a writer but not to
     * {@link AuditedFields} would show under its raw name.
     */
    @Test
    void everyFieldTheWritersAuditIsListed() {
        fixtures.admin("root");
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        created(admin.post("/partners", form("name", "抖音", "kind", "PLATFORM")));
        created(admin.post("/hosts", form("name", "陈晨", "platform", "KUAISHOU", "handle", "chenchen", "followers", "1000")));
        created(admin.post("/officials", form("name", "张县长", "title", "县长", "county", YINGSHAN)));
        created(admin.post("/products", form("name", "英山蜂蜜", "category", "蜂蜜", "unit", "瓶", "referencePrice", "58",
                "county", YINGSHAN, "producer", "英山合作社")));
        created(admin.post("/counties/" + XINGSHAN + "/poverty", Map.of("poverty", "on",
                "version", version(admin.get("/counties/" + XINGSHAN).body()))));
        String partner = fixtures.value("SELECT id FROM partner");
        created(admin.postMulti("/campaigns", List.of(Map.entry("name", "春茶"), Map.entry("theme", "茶叶"),
                Map.entry("startsOn", "2020-04-02"), Map.entry("endsOn", "2020-05-24"), Map.entry("status", "ACTIVE"),
                Map.entry("description", "示例"), Map.entry("targetGross", "1000000"), Map.entry("targetPeople", "100"),
                Map.entry("partner", partner), Map.entry("addCounties", YINGSHAN),
                Map.entry("submission", UUID.randomUUID().toString()))));
        created(admin.post("/accounts", form("username", "wang.fang", "displayName", "王芳", "role", "COORDINATOR",
                "counties", YINGSHAN, "password", "initial-pass-1")));
        String account = fixtures.value("SELECT id FROM app_user WHERE username = 'wang.fang'");
        created(admin.post("/accounts/" + account + "/password", Map.of("password", "another-pass-1",
                "confirm", "another-pass-1")));

        long official = Long.parseLong(fixtures.value("SELECT id FROM official"));
        LocalDateTime start = LocalDateTime.of(2020, 4, 10, 19, 0);
        long session = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, YINGSHAN,
                Platform.DOUYIN, start, start.plusHours(2), 12000L, 8000L, 900L, 50L, Set.of(li), Set.of(official),
                null), null);
        data.saleLine(session, tea, 10, 8, "1000.00");
        fixtures.ledger().importSales(yingshan, new SalesFile(campaign, YINGSHAN, "sales.xlsx", "1".repeat(64),
                List.of(new SalesFile.Row(2, session, tea, false,
                        new LineFigures(12, 9, new BigDecimal("1200.00"), new BigDecimal("10.00")))), List.of(), true));
        long household = data.household("421124-0002", YINGSHAN, "李某");
        data.linkThrough(campaign, household, tea, "800");

        Set<String> types = new TreeSet<>();
        Set<String> unlisted = new TreeSet<>();
        Pattern field = Pattern.compile("\"(\\w+)\":\\[");
        for (String row : fixtures.column("SELECT CONCAT(entity_type, ' ', changes) FROM audit_event")) {
            String type = row.substring(0, row.indexOf(' '));
            types.add(type);
            Matcher matcher = field.matcher(row);
            while (matcher.find()) {
                if (AuditedFields.find(type, matcher.group(1)).isEmpty()) {
                    unlisted.add(type + "." + matcher.group(1));
                }
            }
        }
        assertEquals(Set.of(), unlisted);
        Set<String> all = new TreeSet<>();
        for (RecordType type : RecordType.values()) {
            all.add(type.code());
        }
        assertEquals(all, types, "every kind of record was written");
    }

    private static void created(Browser.Page page) {
        assertEquals(303, page.status(), page.body());
    }

    private static Map<String, String> form(String... fields) {
        Map<String, String> form = new java.util.HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.put("submission", UUID.randomUUID().toString());
        return form;
    }

    private static String sales(long session) {
        return "/sessions/" + session + "/sales";
    }

    /** The session's grid with one product's figures, every other product left blank. */
    private List<Map.Entry<String, String>> grid(long session, long product, String units, String orders, String gross) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", session)));
        form.add(Map.entry("submission", UUID.randomUUID().toString()));
        for (String other : fixtures.column("SELECT id FROM product WHERE county_code = ?", YINGSHAN)) {
            boolean filled = other.equals(String.valueOf(product));
            form.addAll(List.of(Map.entry("product", other), Map.entry("units", filled ? units : ""),
                    Map.entry("orders", filled ? orders : ""), Map.entry("gross", filled ? gross : ""),
                    Map.entry("refunds", "")));
        }
        return form;
    }

    /** The text of a page's own history section. */
    private static String history(String page) {
        int start = page.indexOf("class=\"history\"");
        assertTrue(start >= 0, page);
        int end = page.indexOf("</section>", start);
        return text(page.substring(start, end));
    }

    /** Tags dropped and spaces squeezed: what a reader sees. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

package countylive.livestream;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session entry by a county coordinator: good path, every rule, scoping, closed campaign. */
@MicronautTest(transactional = false)
class SessionFormTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    EntryData data;
    long campaign;
    long hostA;
    long hostB;
    long chief;
    Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        hostA = data.host("李佳", "lijia");
        hostB = data.host("王芳", "wangfang");
        chief = data.official("张县长", "县长", YINGSHAN);
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void createsSessionWithHostsAndOfficialsAndRedirectsToIt() {
        Browser.Page page = coordinator.postMulti(sessionsPath(), form(Map.of("views", "12,000", "peakViewers", "800"),
                "hosts", String.valueOf(hostA), "hosts", String.valueOf(hostB), "officials", String.valueOf(chief)));
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM live_session");
        assertEquals("/sessions/" + id + "?flash=created", page.location());
        assertEquals("2020-04-20 2020-04-20 19:30:00 2020-04-20 21:00:00 12000 800", fixtures.value(
                "SELECT CONCAT_WS(' ', live_date, starts_at, ends_at, views, peak_viewers) FROM live_session"));
        assertEquals("0 0", fixtures.value("SELECT CONCAT(unique_viewers IS NOT NULL, ' ', new_followers IS NOT NULL) FROM live_session"),
                "blank audience stays NULL");
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM live_session_host WHERE session_id = ?", id));
        assertEquals(String.valueOf(chief), fixtures.value("SELECT official_id FROM live_session_official"));
        assertEquals("CREATE yingshan 421124", fixtures.value("SELECT CONCAT_WS(' ', action, username, county_code) "
                + "FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'live_session' AND entity_id = ?", id));
        Browser.Page shown = coordinator.get(page.location());
        assertEquals(200, shown.status());
        assertTrue(shown.body().contains("李佳") && shown.body().contains("张县长"), shown.body());
    }

    @Test
    void aSingleHostIsBoundToo() {
        Browser.Page page = coordinator.postMulti(sessionsPath(), form(Map.of(), "hosts", String.valueOf(hostA)));
        assertEquals(303, page.status(), page.body());
        assertEquals(String.valueOf(hostA), fixtures.value("SELECT host_id FROM live_session_host"));
    }

    @Test
    void sessionPastMidnightNeedsTheNextDayBox() {
        Browser.Page refused = coordinator.postMulti(sessionsPath(), form(Map.of("start", "22:00", "end", "01:30")));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("结束时间须晚于开始时间"), refused.body());
        assertTrue(refused.body().contains("value=\"01:30\""), "typed end kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));

        Browser.Page saved = coordinator.postMulti(sessionsPath(),
                form(Map.of("start", "22:00", "end", "01:30", "nextDay", "true")));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("2020-04-20 2020-04-21 01:30:00", fixtures.value(
                "SELECT CONCAT_WS(' ', live_date, ends_at) FROM live_session"), "live_date is the day it started");
    }

    @Test
    void theListShowsGrossSalesOrThatNoneWereEnteredTheNextDayAndViewsWithSeparators() {
        Browser.Page late = coordinator.postMulti(sessionsPath(), form(Map.of("start", "22:00", "end", "01:30",
                "nextDay", "true", "views", "1234567")));
        assertEquals(303, late.status(), late.body());
        long lateSession = Long.parseLong(fixtures.value("SELECT id FROM live_session"));
        long sold = data.session(campaign, YINGSHAN, "2020-04-21", hostA);
        data.saleLine(sold, data.product("英山云雾茶", YINGSHAN, "100.00"), 10, 8, "12345.60");

        String zh = coordinator.get(sessionsPath()).body();
        assertTrue(zh.contains("¥12,345.60"), "the gross of the session with sales: " + zh);
        assertTrue(zh.contains("<a class=\"badge no-sales\" href=\"/sessions/" + lateSession + "/sales\">未录入销售</a>"),
                "the session without sales is marked and leads to its grid: " + zh);
        assertEquals(1, zh.split("未录入销售", -1).length - 1, "only the session without sales is marked");
        assertTrue(zh.contains("22:00–01:30</span><span\n            class=\"next-day\">（次日）</span>"), zh);
        assertTrue(zh.contains("1,234,567"), "views with separators: " + zh);
        assertFalse(zh.contains(">1234567<"), zh);

        String en = new Browser(server.getURI()).language("en").login("yingshan", Fixtures.PASSWORD).get(sessionsPath()).body();
        assertTrue(en.contains(">No sales entered</a>") && en.contains("(next day)"), en);

        String page = coordinator.get("/sessions/" + lateSession).body();
        assertTrue(page.contains("<dd>1,234,567</dd>"), "the session page formats views too: " + page);
    }

    @Test
    void rejectsSessionOutsideCampaignPeriod() {
        Browser.Page page = coordinator.postMulti(sessionsPath(), form(Map.of("date", "2020-05-25")));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("直播日期须在活动时间内（2020-04-02 至 2020-05-24）"), page.body());
        assertTrue(page.body().contains("value=\"2020-05-25\""));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void rejectsBadAudienceFiguresAndKeepsEverythingTyped() {
        Browser.Page page = coordinator.postMulti(sessionsPath(), form(Map.of("views", "-5", "uniqueViewers", "1.5",
                "peakViewers", "abc", "newFollowers", "1e3"), "hosts", String.valueOf(hostB)));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("不能为负数"), page.body());
        assertTrue(page.body().contains("请输入不小于 0 的整数"));
        assertTrue(page.body().contains("value=\"abc\"") && page.body().contains("value=\"1e3\""));
        assertTrue(page.body().contains("value=\"" + hostB + "\" checked"), "ticked host kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void rejectsMissingFieldsInEnglish() {
        Browser english = new Browser(server.getURI()).language("en").login("yingshan", Fixtures.PASSWORD);
        Browser.Page page = english.postMulti(sessionsPath(), form(Map.of("date", "", "start", "", "platform", "")));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("Please fill this in."), page.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void rejectsCountyThatIsNotTheUsersOrNotInTheCampaign() {
        Browser.Page other = coordinator.postMulti(sessionsPath(), form(Map.of("county", XINGSHAN)));
        assertEquals(422, other.status());
        assertTrue(other.body().contains("请从列表中选择"));
        fixtures.coordinatorOf("anxi", "350524");
        Browser anxi = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        assertEquals(404, anxi.get(sessionsPath() + "/new").status(), "county not in the campaign");
        assertEquals(404, anxi.postMulti(sessionsPath(), form(Map.of("county", "350524"))).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void rejectsOfficialOfAnotherCounty() {
        long other = data.official("李县长", "县长", XINGSHAN);
        Browser.Page page = coordinator.postMulti(sessionsPath(), form(Map.of(), "officials", String.valueOf(other)));
        assertEquals(422, page.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void addsAMissingHostInTheSameTransaction() {
        Browser.Page page = coordinator.postMulti(sessionsPath(), form(Map.of("newHostName", "陈晨",
                "newHostPlatform", "KUAISHOU", "newHostHandle", "chenchen")));
        assertEquals(303, page.status(), page.body());
        String hostId = fixtures.value("SELECT id FROM host WHERE handle = 'chenchen'");
        assertEquals(hostId, fixtures.value("SELECT host_id FROM live_session_host"));
        assertEquals("CREATE", fixtures.value("SELECT action FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'host' AND entity_id = ?", hostId));

        Browser.Page clash = coordinator.postMulti(sessionsPath(), form(Map.of("newHostName", "陈晨",
                "newHostPlatform", "KUAISHOU", "newHostHandle", "chenchen")));
        assertEquals(422, clash.status());
        assertTrue(clash.body().contains("该平台上已有此账号的主播"), clash.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("3", fixtures.value("SELECT COUNT(*) FROM host"));

        Browser.Page incomplete = coordinator.postMulti(sessionsPath(), form(Map.of("newHostName", "赵六")));
        assertEquals(422, incomplete.status());
        assertTrue(incomplete.body().contains("value=\"赵六\""));
        assertEquals("3", fixtures.value("SELECT COUNT(*) FROM host"));
    }

    @Test
    void doubleSubmitMakesOneSession() {
        List<Map.Entry<String, String>> form = form(Map.of());
        assertEquals(303, coordinator.postMulti(sessionsPath(), form).status());
        Browser.Page second = coordinator.postMulti(sessionsPath(), form);
        assertEquals(303, second.status());
        assertEquals("/sessions/" + fixtures.value("SELECT id FROM live_session"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void secondOfTwoConcurrentEditsIsRefused() {
        long id = data.session(campaign, YINGSHAN, "2020-04-10");
        String version = version(coordinator.get("/sessions/" + id + "/edit").body());
        Browser.Page first = coordinator.postMulti("/sessions/" + id, edit(version, "1000"));
        assertEquals(303, first.status(), first.body());
        Browser.Page second = coordinator.postMulti("/sessions/" + id, edit(version, "2000"));
        assertEquals(409, second.status());
        assertTrue(second.body().contains("已被他人修改"));
        assertTrue(second.body().contains("value=\"2000\""));
        assertEquals("1000", fixtures.value("SELECT views FROM live_session"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND action = 'UPDATE'").contains("\"views\":[null,\"1000\"]"));
    }

    @Test
    void closedCampaignRefusesChanges() {
        long id = data.session(campaign, YINGSHAN, "2020-04-10");
        data.close(campaign);
        Browser.Page created = coordinator.postMulti(sessionsPath(), form(Map.of()));
        assertEquals(409, created.status());
        assertTrue(created.body().contains("该活动已结束"), created.body());
        Browser.Page edited = coordinator.postMulti("/sessions/" + id, edit("0", "5"));
        assertEquals(409, edited.status());
        assertEquals(409, coordinator.post("/sessions/" + id + "/delete", Map.of()).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("0", fixtures.value("SELECT COUNT(views) FROM live_session"));
    }

    @Test
    void anotherCountysSessionIsNotFoundForReadingOrWriting() {
        long theirs = data.session(campaign, XINGSHAN, "2020-04-10");
        assertEquals(404, coordinator.get("/sessions/" + theirs).status());
        assertEquals(404, coordinator.get("/sessions/" + theirs + "/edit").status());
        assertEquals(404, coordinator.postMulti("/sessions/" + theirs, edit("0", "5")).status());
        assertEquals(404, coordinator.post("/sessions/" + theirs + "/delete", Map.of()).status());
        assertFalse(coordinator.get(sessionsPath()).body().contains("/sessions/" + theirs + "\""), "not listed");
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals(404, coordinator.get("/sessions/999999").status());
    }

    @Test
    void associationReadsButChangesNothing() {
        long id = data.session(campaign, XINGSHAN, "2020-04-10");
        fixtures.association("staff");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals(200, staff.get("/sessions/" + id).status());
        assertTrue(staff.get(sessionsPath()).body().contains("/sessions/" + id));
        assertEquals(403, staff.get(sessionsPath() + "/new").status());
        assertEquals(403, staff.postMulti(sessionsPath(), form(Map.of("county", XINGSHAN))).status());
        assertEquals(403, staff.postMulti("/sessions/" + id, edit("0", "5")).status());
        assertEquals(403, staff.post("/sessions/" + id + "/delete", Map.of()).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    @Test
    void deleteIsRefusedWhileSalesExist() {
        long id = data.session(campaign, YINGSHAN, "2020-04-10");
        long tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        data.saleLine(id, tea, 10, 8, "1000.00");
        Browser.Page refused = coordinator.post("/sessions/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("1 条销售记录"), refused.body());
        fixtures.execute("DELETE FROM sale_line");
        Browser.Page deleted = coordinator.post("/sessions/" + id + "/delete", Map.of());
        assertEquals(303, deleted.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'live_session'"));
    }

    @Test
    void listIsScopedSearchableAndSorted() {
        data.session(campaign, YINGSHAN, "2020-04-10");
        data.session(campaign, YINGSHAN, "2020-04-12");
        data.session(campaign, XINGSHAN, "2020-04-11");
        String body = coordinator.get(sessionsPath() + "?sort=liveDate&dir=desc").body();
        assertTrue(body.indexOf("2020-04-12") < body.indexOf("2020-04-10"), body);
        assertFalse(body.contains("2020-04-11"), "other county not listed");
        String found = coordinator.get(sessionsPath() + "?q=04-12").body();
        assertTrue(found.contains("2020-04-12") && !found.contains("2020-04-10"), found);
        Browser.Page campaigns = coordinator.get("/sessions");
        assertTrue(campaigns.body().contains("<td class=\"num\">2</td>"), "own sessions counted: " + campaigns.body());
        fixtures.association("staff");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertTrue(staff.get("/sessions").body().contains("<td class=\"num\">3</td>"), "association counts all");
    }

    @Test
    void newFormOffersTheUsersCountiesHostsAndTheirOfficials() {
        data.official("李县长", "县长", XINGSHAN);
        Browser.Page page = coordinator.get(sessionsPath() + "/new");
        assertEquals(200, page.status());
        String body = page.body();
        assertTrue(body.contains("<option value=\"421124\" selected=\"selected\">英山县</option>"), body);
        assertFalse(body.contains("value=\"420526\""), "other county not offered");
        assertTrue(body.contains("name=\"hosts\" value=\"" + hostA + "\""));
        assertTrue(body.contains("张县长") && !body.contains("李县长"), "only the county's officials");
        assertTrue(body.contains("name=\"submission\" value=\""), "one-time token");
    }

    @Test
    void changingTheDateMovesTheSaleLinesWithTheSession() {
        long id = data.session(campaign, YINGSHAN, "2020-04-10");
        data.saleLine(id, data.product("英山云雾茶", YINGSHAN, "100.00"), 1, 1, "100.00");
        String version = version(coordinator.get("/sessions/" + id + "/edit").body());
        List<Map.Entry<String, String>> form = new ArrayList<>(edit(version, ""));
        form.removeIf(e -> e.getKey().equals("date"));
        form.add(Map.entry("date", "2020-04-11"));
        assertEquals(303, coordinator.postMulti("/sessions/" + id, form).status());
        assertEquals("2020-04-11", fixtures.value("SELECT live_date FROM sale_line"));
        List<Map.Entry<String, String>> move = new ArrayList<>(edit(fixtures.value("SELECT version FROM live_session"), ""));
        fixtures.coordinatorOf("both", YINGSHAN, XINGSHAN);
        Browser both = new Browser(server.getURI()).login("both", Fixtures.PASSWORD);
        move.removeIf(e -> e.getKey().equals("county"));
        move.add(Map.entry("county", XINGSHAN));
        Browser.Page refused = both.postMulti("/sessions/" + id, move);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("本场次已有销售记录，不能再更改所属县"), refused.body());
    }

    private String sessionsPath() {
        return "/campaigns/" + campaign + "/sessions";
    }

    private List<Map.Entry<String, String>> form(Map<String, String> overrides, String... repeated) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("county", YINGSHAN);
        fields.put("platform", "DOUYIN");
        fields.put("date", "2020-04-20");
        fields.put("start", "19:30");
        fields.put("end", "21:00");
        fields.put("submission", UUID.randomUUID().toString());
        fields.putAll(overrides);
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        for (int i = 0; i < repeated.length; i += 2) {
            entries.add(Map.entry(repeated[i], repeated[i + 1]));
        }
        return entries;
    }

    private List<Map.Entry<String, String>> edit(String version, String views) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(form(Map.of("date", "2020-04-10", "start", "19:00", "views", views)));
        entries.removeIf(e -> e.getKey().equals("submission"));
        entries.add(Map.entry("version", version));
        return entries;
    }

    static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

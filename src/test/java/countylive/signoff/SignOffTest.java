package countylive.signoff;

import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * The sign-off over HTTP: each step by each role and the refused ones, and every writer holding
 * back a county's data once it is submitted (for its coordinator) or accepted (for everyone).
 */
@MicronautTest(transactional = false)
class SignOffTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    EntryData data;
    long campaign;
    long session;
    long tea;
    long household;
    Browser coordinator;
    Browser staff;
    Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        session = data.session(campaign, YINGSHAN, "2020-04-10");
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        data.saleLine(session, tea, 10, 10, "1000.00");
        household = data.household("4211240001", YINGSHAN, "王大山", 4);
        data.link(campaign, household, YINGSHAN, "500");
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        fixtures.association("staff");
        fixtures.admin("root");
        fixtures.execute("UPDATE app_user SET display_name = '张三' WHERE username = 'staff'");
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @Test
    void coordinatorSubmitsAndTheCountysFormsSayTheyAreLocked() {
        Browser.Page page = coordinator.get(signOffPath());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("录入中") && page.body().contains("/sign-off/submit/" + YINGSHAN), page.body());
        assertFalse(page.body().contains(XINGSHAN), "a coordinator sees their own counties only");

        Browser.Page submitted = coordinator.post(signOffPath() + "/submit/" + YINGSHAN, Map.of());
        assertEquals(303, submitted.status(), submitted.body());
        assertEquals(signOffPath() + "?flash=submitted", submitted.location());
        assertEquals("SUBMITTED", state(YINGSHAN));
        assertEquals("OPEN", state(XINGSHAN));
        assertEquals("SUBMIT OPEN SUBMITTED", fixtures.value(
                "SELECT CONCAT_WS(' ', action, from_state, to_state) FROM sign_off_event WHERE county_code = ?", YINGSHAN));

        String grid = coordinator.get("/sessions/" + session + "/sales").body();
        assertTrue(grid.contains("正在等待协会审核，暂不能修改"), grid);
        assertFalse(grid.contains("class=\"sales-grid\""), "no form to type into");
        assertTrue(coordinator.get("/sessions/" + session + "/edit").body().contains("正在等待协会审核"));
        String show = coordinator.get("/sessions/" + session).body();
        assertTrue(show.contains("正在等待协会审核") && !show.contains("/sessions/" + session + "/delete"), show);
        assertTrue(coordinator.get("/campaigns/" + campaign + "/sessions/new").body().contains("正在等待协会审核"));
        assertTrue(coordinator.get("/campaigns/" + campaign + "/import").body().contains("正在等待协会审核"));
        assertTrue(coordinator.get("/households/" + household).body().contains("已提交或已审核，不能修改"));
        String linkForm = coordinator.get("/beneficiary-links/" + fixtures.value("SELECT id FROM beneficiary_link") + "/edit")
                .body();
        assertTrue(linkForm.contains("正在等待协会审核") && !linkForm.contains("name=\"income\""), linkForm);
    }

    @Test
    void everyWriterRefusesTheCoordinatorOnceSubmittedAndLeavesNothingHalfWritten() {
        long empty = data.session(campaign, YINGSHAN, "2020-04-12");
        long unlinked = data.household("4211240002", YINGSHAN, "李小河", 3);
        long revision = revision();
        assertEquals(303, coordinator.post(signOffPath() + "/submit/" + YINGSHAN, Map.of()).status());
        assertEquals(revision + 1, revision(), "a step raises the county's revision: cached figures move on");
        String audit = fixtures.value("SELECT COUNT(*) FROM audit_event");

        Browser.Page grid = coordinator.postMulti("/sessions/" + session + "/sales", gridForm("20", "2000"));
        assertHeldBack(grid, "正在等待协会审核");
        assertTrue(grid.body().contains("value=\"2000\""), "what was typed stays on the page");
        Browser.Page edit = coordinator.postMulti("/sessions/" + session, sessionForm(Map.of("views", "999",
                "version", version("/sessions/" + session + "/edit"))));
        assertHeldBack(edit, "正在等待协会审核");
        Browser.Page create = coordinator.postMulti("/campaigns/" + campaign + "/sessions",
                sessionForm(Map.of("date", "2020-04-11", "submission", UUID.randomUUID().toString())));
        assertHeldBack(create, "正在等待协会审核");
        assertHeldBack(coordinator.post("/sessions/" + empty + "/delete", Map.of()), "正在等待协会审核");
        assertHeldBack(coordinator.post("/households/" + unlinked + "/links", Map.of("campaign", String.valueOf(campaign),
                "product", "", "income", "100", "submission", UUID.randomUUID().toString())), "正在等待协会审核");
        long link = Long.parseLong(fixtures.value("SELECT id FROM beneficiary_link"));
        assertHeldBack(coordinator.post("/beneficiary-links/" + link, Map.of("campaign", String.valueOf(campaign),
                "product", "", "income", "900", "version", "0")), "正在等待协会审核");
        assertHeldBack(coordinator.post("/beneficiary-links/" + link + "/delete", Map.of()), "正在等待协会审核");
        assertHeldBack(coordinator.post("/households/" + household, household("6", "0")), "正在等待协会审核");

        assertEquals("1 10 1000.00", fixtures.value("SELECT CONCAT_WS(' ', COUNT(*), SUM(units), SUM(gross)) FROM sale_line"));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("1 500.00", fixtures.value("SELECT CONCAT_WS(' ', COUNT(*), SUM(income)) FROM beneficiary_link"));
        assertEquals("4", fixtures.value("SELECT members FROM household WHERE id = ?", household));
        assertEquals(audit, fixtures.value("SELECT COUNT(*) FROM audit_event"), "no audit entry of a refused change");

        // the household's name may still be corrected: no figure of the campaign depends on it
        Map<String, String> renamed = household("4", "0");
        renamed.put("headName", "王大善");
        assertEquals(303, coordinator.post("/households/" + household, renamed).status());

        // an administrator may still correct submitted figures
        Browser.Page corrected = admin.postMulti("/sessions/" + session + "/sales", gridForm("12", "1200"));
        assertEquals(303, corrected.status(), corrected.body());
        assertEquals("12 1200.00", fixtures.value("SELECT CONCAT_WS(' ', units, gross) FROM sale_line"));
    }

    @Test
    void staffReturnWithAReasonTheCoordinatorCorrectsAndStaffAccept() {
        assertEquals(303, coordinator.post(signOffPath() + "/submit/" + YINGSHAN, Map.of()).status());

        Browser.Page noReason = staff.post(signOffPath() + "/return/" + YINGSHAN, Map.of("reason", "  "));
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("请填写原因"), noReason.body());
        assertEquals("SUBMITTED", state(YINGSHAN));

        Browser.Page returned = staff.post(signOffPath() + "/return/" + YINGSHAN, Map.of("reason", "4月10日退款未填"));
        assertEquals(303, returned.status(), returned.body());
        assertEquals("RETURNED", state(YINGSHAN));
        String page = coordinator.get(signOffPath()).body();
        assertTrue(page.contains("已退回") && page.contains("4月10日退款未填"), page);
        assertTrue(coordinator.get("/campaigns/" + campaign).body().contains("4月10日退款未填"), "the campaign page's timeline");

        assertEquals(303, coordinator.postMulti("/sessions/" + session + "/sales", gridForm("10", "1000", "50")).status());
        assertEquals(303, coordinator.post(signOffPath() + "/submit/" + YINGSHAN, Map.of()).status());
        assertEquals(303, coordinator.post(signOffPath() + "/submit/" + YINGSHAN, Map.of())
                .status(), "a second submit changes nothing");
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM sign_off_event WHERE action = 'SUBMIT'"));

        // several at once: 兴山 is not submitted, so the step refuses both and changes nothing
        data.session(campaign, XINGSHAN, "2020-04-12");
        Browser.Page both = staff.postMulti(signOffPath() + "/accept",
                List.of(Map.entry("county", YINGSHAN), Map.entry("county", XINGSHAN)));
        assertEquals(409, both.status());
        assertTrue(both.body().contains("兴山县的数据尚未提交"), both.body());
        assertEquals("SUBMITTED", state(YINGSHAN));
        assertEquals(303, admin.post(signOffPath() + "/submit/" + XINGSHAN, Map.of()).status(), "on the county's behalf");
        assertEquals(303, staff.postMulti(signOffPath() + "/accept",
                List.of(Map.entry("county", YINGSHAN), Map.entry("county", XINGSHAN))).status());
        assertEquals("ACCEPTED ACCEPTED", state(YINGSHAN) + " " + state(XINGSHAN));
        assertEquals("张三", fixtures.value("SELECT sign_off_by FROM campaign_county WHERE county_code = ?", YINGSHAN));

        // accepted: read-only for everyone, and the message says who accepted it and whom to ask
        String grid = coordinator.get("/sessions/" + session + "/sales").body();
        assertTrue(grid.matches("(?s).*英山县的数据已于 \\d{4}-\\d{2}-\\d{2} 由 张三 审核，如需修改请联系管理员。.*"), grid);
        assertHeldBack(admin.postMulti("/sessions/" + session + "/sales", gridForm("11", "1100")), "如需修改请联系管理员");
        assertEquals("10 1000.00 50.00", fixtures.value("SELECT CONCAT_WS(' ', units, gross, refunds) FROM sale_line"));
    }

    @Test
    void onlyAnAdministratorReopensAcceptedFiguresAndOnlyWithAReason() {
        assertEquals(303, coordinator.post(signOffPath() + "/submit/" + YINGSHAN, Map.of()).status());
        assertEquals(303, staff.post(signOffPath() + "/accept/" + YINGSHAN, Map.of()).status());

        assertEquals(403, staff.post(signOffPath() + "/reopen/" + YINGSHAN, Map.of("reason", "x")).status());
        assertEquals(403, coordinator.post(signOffPath() + "/reopen/" + YINGSHAN, Map.of("reason", "x")).status());
        Browser.Page back = staff.post(signOffPath() + "/return/" + YINGSHAN, Map.of("reason", "补录"));
        assertEquals(409, back.status());
        assertTrue(back.body().contains("已审核的数据须由管理员重新开放"), back.body());
        assertEquals(422, admin.post(signOffPath() + "/reopen/" + YINGSHAN, Map.of("reason", "")).status());
        assertEquals("ACCEPTED", state(YINGSHAN));

        assertEquals(303, admin.post(signOffPath() + "/reopen/" + YINGSHAN, Map.of("reason", "合作方更正了退款")).status());
        assertEquals("RETURNED", state(YINGSHAN));
        assertEquals("REOPEN 合作方更正了退款", fixtures.value(
                "SELECT CONCAT_WS(' ', action, reason) FROM sign_off_event ORDER BY occurred_at DESC, id DESC LIMIT 1"));
        assertEquals(303, coordinator.postMulti("/sessions/" + session + "/sales", gridForm("10", "1000", "80")).status());
    }

    @Test
    void stepsThatAreNotTheUsersAreRefused() {
        assertEquals(403, staff.post(signOffPath() + "/submit/" + YINGSHAN, Map.of()).status(), "staff do not submit");
        assertEquals(403, coordinator.post(signOffPath() + "/accept/" + YINGSHAN, Map.of()).status());
        assertEquals(404, coordinator.post(signOffPath() + "/submit/" + XINGSHAN, Map.of()).status(), "not their county");
        assertEquals(404, coordinator.post(signOffPath() + "/approve/" + YINGSHAN, Map.of()).status(), "no such step");
        Browser.Page notSubmitted = staff.post(signOffPath() + "/accept/" + YINGSHAN, Map.of());
        assertEquals(409, notSubmitted.status());
        assertTrue(notSubmitted.body().contains("英山县的数据尚未提交"), notSubmitted.body());
        assertEquals(422, staff.post(signOffPath() + "/accept", Map.of()).status(), "no county ticked");
        assertEquals(403, coordinator.postRaw(signOffPath() + "/submit/" + YINGSHAN, Map.of("reason", "")).status(),
                "no CSRF token");
        assertEquals(403, coordinator.postRaw(signOffPath() + "/submit/" + YINGSHAN, Map.of("csrf", "forged")).status());
        fixtures.coordinatorOf("other", "530826");
        Browser other = new Browser(server.getURI()).login("other", Fixtures.PASSWORD);
        assertEquals(404, other.get(signOffPath()).status(), "a campaign none of whose counties is theirs");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sign_off_event"));
        assertEquals("OPEN OPEN", state(YINGSHAN) + " " + state(XINGSHAN));
    }

    @Test
    void closingNeedsEveryCountyAcceptedOrAnAdministratorsReason() {
        Browser.Page refused = admin.postMulti("/campaigns/" + campaign, campaignForm("CLOSED", null));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("还有 2 个县的数据未审核"), refused.body());
        assertEquals("ACTIVE", fixtures.value("SELECT status FROM campaign"));

        Browser.Page overridden = admin.postMulti("/campaigns/" + campaign, campaignForm("CLOSED", "合作方要求按期结账"));
        assertEquals(303, overridden.status(), overridden.body());
        assertEquals("CLOSED", fixtures.value("SELECT status FROM campaign"));
        assertEquals("CLOSE_OVERRIDE 合作方要求按期结账", fixtures.value(
                "SELECT CONCAT_WS(' ', action, reason) FROM sign_off_event WHERE county_code IS NULL"));
        assertTrue(admin.get("/campaigns/" + campaign).body().contains("合作方要求按期结账"), "on the timeline");
        assertEquals(409, staff.post(signOffPath() + "/accept/" + YINGSHAN, Map.of()).status(), "a closed campaign takes no step");

        // the usual way: every county accepted, no reason needed
        fixtures.execute("UPDATE campaign SET status = 'ACTIVE'");
        fixtures.execute("UPDATE campaign_county SET sign_off = 'ACCEPTED'");
        assertEquals(303, admin.postMulti("/campaigns/" + campaign, campaignForm("CLOSED", null)).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sign_off_event WHERE county_code IS NULL"));
    }

    private void assertHeldBack(Browser.Page page, String message) {
        assertEquals(409, page.status(), page.body());
        assertTrue(page.body().contains(message), page.body());
    }

    private String signOffPath() {
        return "/campaigns/" + campaign + "/sign-off";
    }

    private String state(String county) {
        return fixtures.value("SELECT sign_off FROM campaign_county WHERE campaign_id = ? AND county_code = ?", campaign, county);
    }

    private long revision() {
        return Long.parseLong(fixtures.value("SELECT revision FROM campaign_county WHERE campaign_id = ? AND county_code = ?",
                campaign, YINGSHAN));
    }

    private String version(String path) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(admin.get(path).body());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    private List<Map.Entry<String, String>> gridForm(String units, String gross) {
        return gridForm(units, gross, "");
    }

    private List<Map.Entry<String, String>> gridForm(String units, String gross, String refunds) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", session)));
        form.add(Map.entry("submission", UUID.randomUUID().toString()));
        form.add(Map.entry("product", String.valueOf(tea)));
        form.add(Map.entry("units", units));
        form.add(Map.entry("orders", units));
        form.add(Map.entry("gross", gross));
        form.add(Map.entry("refunds", refunds));
        return form;
    }

    private static List<Map.Entry<String, String>> sessionForm(Map<String, String> overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("county", YINGSHAN);
        fields.put("platform", "DOUYIN");
        fields.put("date", "2020-04-10");
        fields.put("start", "19:00");
        fields.put("end", "21:00");
        fields.putAll(overrides);
        return new ArrayList<>(fields.entrySet());
    }

    private static Map<String, String> household(String members, String version) {
        return new HashMap<>(Map.of("registrationNo", "4211240001", "county", YINGSHAN, "village", "石镇村",
                "headName", "王大山", "members", members, "version", version));
    }

    private List<Map.Entry<String, String>> campaignForm(String status, String closeReason) {
        String edit = admin.get("/campaigns/" + campaign + "/edit").body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit);
        assertTrue(version.find(), edit);
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("name", "县长来直播·春茶季"),
                Map.entry("startsOn", "2020-04-02"), Map.entry("endsOn", "2020-05-24"), Map.entry("status", status),
                Map.entry("version", version.group(1)), Map.entry("county", YINGSHAN), Map.entry("county", XINGSHAN)));
        if (closeReason != null) {
            form.add(Map.entry("closeReason", closeReason));
        }
        return form;
    }
}

package countylive.campaign;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The campaign form: partners, the typed county picker, closed campaigns, who sees what. */
@MicronautTest(transactional = false)
class CampaignFormTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Campaigns campaigns;

    Browser admin;
    CampaignData data;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", "421124");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        data = new CampaignData(fixtures);
    }

    @Test
    void createsCampaignWithPartnersAndTypedCounties() {
        String douyin = partner("抖音", "PLATFORM");
        String association = partner("中国茶叶流通协会", "ASSOCIATION");
        List<Map.Entry<String, String>> form = campaignForm("县长来直播·春茶", "2020-04-02", "2020-05-24");
        form.add(Map.entry("partner", douyin));
        form.add(Map.entry("partner", association));
        form.add(Map.entry("addCounties", "421124，兴山县 350524"));
        form.add(Map.entry("targetGross", "40,410,000"));
        form.add(Map.entry("targetPeople", "10731"));
        Browser.Page page = admin.postMulti("/campaigns", form);
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM campaign WHERE name = '县长来直播·春茶'");
        assertEquals("/campaigns/" + id + "?flash=created", page.location());
        assertEquals("40410000.00 10731", fixtures.value(
                "SELECT CONCAT(target_gross, ' ', target_people) FROM campaign WHERE id = ?", id));
        assertEquals(List.of("350524", "420526", "421124"), fixtures.column(
                "SELECT county_code FROM campaign_county WHERE campaign_id = ? ORDER BY county_code", id));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM campaign_partner WHERE campaign_id = ?", id));
        assertEquals("CREATE root", fixtures.value("SELECT CONCAT(action, ' ', username) FROM audit_event "
                + "WHERE entity_type = 'campaign' AND entity_id = ?", id));
        String shown = admin.get(page.location()).body();
        assertTrue(shown.contains("已创建") && shown.contains("英山县") && shown.contains("福建省")
                && shown.contains("中国茶叶流通协会") && shown.contains("2020-04-02 至 2020-05-24"), shown);
    }

    @Test
    void rejectsEndBeforeStartAndKeepsWhatWasTyped() {
        List<Map.Entry<String, String>> form = campaignForm("倒置的活动", "2020-05-24", "2020-04-02");
        form.add(Map.entry("addCounties", "英山县"));
        Browser.Page page = admin.postMulti("/campaigns", form);
        assertEquals(422, page.status());
        assertTrue(page.body().contains("结束日期不能早于开始日期"), page.body());
        assertTrue(page.body().contains("value=\"倒置的活动\"") && page.body().contains("value=\"2020-05-24\"")
                && page.body().contains(">英山县</textarea>"), "typed values kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign"));
    }

    @Test
    void rejectsMissingFieldsBadMoneyAndBadCount() {
        List<Map.Entry<String, String>> form = campaignForm(" ", "", "2020-05-24");
        form.add(Map.entry("targetGross", "12.345"));
        form.add(Map.entry("targetPeople", "-1"));
        form.set(form.indexOf(Map.entry("status", "ACTIVE")), Map.entry("status", "FINISHED"));
        Browser.Page page = admin.postMulti("/campaigns", form);
        assertEquals(422, page.status());
        String body = page.body();
        assertTrue(body.contains("请填写此项") && body.contains("金额最多两位小数") && body.contains("不能为负数")
                && body.contains("请从列表中选择"), body);
        assertTrue(body.contains("value=\"12.345\"") && body.contains("value=\"-1\""), "typed numbers kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign"));
    }

    @Test
    void saysWhichTypedCountiesAreUnknownOrAmbiguous() {
        List<Map.Entry<String, String>> form = campaignForm("春茶", "2020-04-02", "2020-05-24");
        form.add(Map.entry("addCounties", "英山县 朝阳区 不存在县, 999999"));
        Browser.Page page = admin.postMulti("/campaigns", form);
        assertEquals(422, page.status());
        String body = page.body();
        assertTrue(body.contains("未知的县代码或名称：不存在县, 999999"), body);
        assertTrue(body.contains("名称不唯一，请改填代码：朝阳区 (110105"), body);
        assertTrue(body.contains(">英山县 朝阳区 不存在县, 999999</textarea>"), "typed text kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign_county"));
    }

    @Test
    void rejectsDuplicateNameAndUnknownPartnerInEnglish() {
        data.teaCampaign("春茶", "ACTIVE");
        Browser english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        Browser.Page duplicate = english.postMulti("/campaigns", campaignForm("春茶", "2020-04-02", "2020-05-24"));
        assertEquals(422, duplicate.status());
        assertTrue(duplicate.body().contains("This name exists already."), duplicate.body());
        List<Map.Entry<String, String>> form = campaignForm("秋茶", "2020-09-02", "2020-10-24");
        form.add(Map.entry("partner", "999999"));
        Browser.Page unknownPartner = english.postMulti("/campaigns", form);
        assertEquals(422, unknownPartner.status());
        assertTrue(unknownPartner.body().contains("Choose one from the list."), unknownPartner.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM campaign"));
    }

    @Test
    void doubleSubmitMakesOneCampaign() {
        List<Map.Entry<String, String>> form = campaignForm("春茶", "2020-04-02", "2020-05-24");
        form.add(Map.entry("addCounties", "421124"));
        Browser.Page first = admin.postMulti("/campaigns", form);
        Browser.Page second = admin.postMulti("/campaigns", form);
        assertEquals(303, first.status(), first.body());
        assertEquals(303, second.status());
        assertEquals("/campaigns/" + fixtures.value("SELECT id FROM campaign"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM campaign"));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM campaign_county"));
    }

    @Test
    void editsCountiesAndPartnersAndRefusesAStaleEdit() {
        long id = data.teaCampaign("春茶", "ACTIVE", "421124", "420526");
        String douyin = partner("抖音", "PLATFORM");
        String version = version(admin.get("/campaigns/" + id + "/edit").body());
        List<Map.Entry<String, String>> form = editForm("春茶2020", version, "421124", "420526");
        form.add(Map.entry("removeCounty", "420526"));
        form.add(Map.entry("addCounties", "530826"));
        form.add(Map.entry("partner", douyin));
        Browser.Page first = admin.postMulti("/campaigns/" + id, form);
        assertEquals(303, first.status(), first.body());
        assertEquals(List.of("421124", "530826"), fixtures.column(
                "SELECT county_code FROM campaign_county WHERE campaign_id = ? ORDER BY county_code", id));
        assertEquals(douyin, fixtures.value("SELECT partner_id FROM campaign_partner WHERE campaign_id = ?", id));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE action = 'UPDATE' AND entity_id = ?", id)
                .contains("[\"420526,421124\",\"421124,530826\"]"));

        Browser.Page second = admin.postMulti("/campaigns/" + id, editForm("春茶重名", version, "421124"));
        assertEquals(409, second.status());
        assertTrue(ShownErrors.aboveForm(second.body()).contains("已被他人修改"), second.body());
        assertTrue(second.body().contains("春茶重名"), "typed name kept");
        assertEquals("春茶2020", fixtures.value("SELECT name FROM campaign WHERE id = ?", id));
    }

    @Test
    void closedCampaignRefusesEditsButMayBeReopened() {
        long id = data.teaCampaign("春茶", "CLOSED", "421124");
        Browser.Page edit = admin.get("/campaigns/" + id + "/edit");
        assertTrue(edit.body().contains("本活动已结束"), edit.body());
        String version = version(edit.body());
        List<Map.Entry<String, String>> renamed = editForm("春茶改名", version, "421124");
        renamed.set(renamed.indexOf(Map.entry("status", "ACTIVE")), Map.entry("status", "CLOSED"));
        Browser.Page refused = admin.postMulti("/campaigns/" + id, renamed);
        assertEquals(422, refused.status());
        assertTrue(ShownErrors.aboveForm(refused.body()).contains("只能修改状态"), refused.body());
        assertTrue(refused.body().contains("value=\"春茶改名\""), "typed name kept");
        assertEquals("春茶", fixtures.value("SELECT name FROM campaign WHERE id = ?", id));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE action = 'UPDATE'"));

        Browser.Page reopened = admin.postMulti("/campaigns/" + id, editForm("春茶", version, "421124"));
        assertEquals(303, reopened.status(), reopened.body());
        assertEquals("ACTIVE", fixtures.value("SELECT status FROM campaign WHERE id = ?", id));
    }

    @Test
    void campaignClosedAfterTheFormWasOpenedIsAStaleEdit() {
        long id = data.teaCampaign("春茶", "ACTIVE", "421124");
        String version = version(admin.get("/campaigns/" + id + "/edit").body());
        List<Map.Entry<String, String>> closing = editForm("春茶", version, "421124");
        closing.set(closing.indexOf(Map.entry("status", "ACTIVE")), Map.entry("status", "CLOSED"));
        // the county has not been signed off: closing needs the administrator's reason
        closing.add(Map.entry("closeReason", "活动提前结束"));
        assertEquals(303, admin.postMulti("/campaigns/" + id, closing).status());
        Browser.Page renamed = admin.postMulti("/campaigns/" + id, editForm("春茶改名", version, "421124"));
        assertEquals(409, renamed.status());
        assertTrue(ShownErrors.aboveForm(renamed.body()).contains("已被他人修改"), renamed.body());
        assertEquals("春茶 CLOSED", fixtures.value("SELECT CONCAT(name, ' ', status) FROM campaign WHERE id = ?", id));
    }

    @Test
    void countyWithSessionsCannotBeRemoved() {
        long id = data.teaCampaign("春茶", "ACTIVE", "421124", "420526");
        data.session(id, "421124");
        String version = version(admin.get("/campaigns/" + id + "/edit").body());
        List<Map.Entry<String, String>> form = editForm("春茶", version, "421124", "420526");
        form.add(Map.entry("removeCounty", "421124"));
        Browser.Page refused = admin.postMulti("/campaigns/" + id, form);
        assertEquals(422, refused.status());
        assertTrue(ShownErrors.under(refused.body(), "counties").contains("不能移出：英山县（湖北省）"), refused.body());
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM campaign_county WHERE campaign_id = ?", id));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE action = 'UPDATE'"));
    }

    @Test
    void periodMayNotShrinkPastItsSessions() {
        long id = data.teaCampaign("春茶", "ACTIVE", "421124");
        data.session(id, "421124"); // on 2020-04-10
        String version = version(admin.get("/campaigns/" + id + "/edit").body());
        List<Map.Entry<String, String>> later = editForm("春茶", version, "421124");
        later.set(later.indexOf(Map.entry("startsOn", "2020-04-02")), Map.entry("startsOn", "2020-04-15"));
        Browser.Page startRefused = admin.postMulti("/campaigns/" + id, later);
        assertEquals(422, startRefused.status());
        assertTrue(ShownErrors.under(startRefused.body(), "startsOn").contains("有 1 场直播不在新的活动期间内"),
                startRefused.body());
        assertEquals("", ShownErrors.under(startRefused.body(), "endsOn"), "the end did not move past the session");
        assertTrue(startRefused.body().contains("value=\"2020-04-15\""), "typed date kept");

        List<Map.Entry<String, String>> earlier = editForm("春茶", version, "421124");
        earlier.set(earlier.indexOf(Map.entry("endsOn", "2020-05-24")), Map.entry("endsOn", "2020-04-09"));
        Browser.Page endRefused = admin.postMulti("/campaigns/" + id, earlier);
        assertEquals(422, endRefused.status());
        assertTrue(ShownErrors.under(endRefused.body(), "endsOn").contains("有 1 场直播不在新的活动期间内"), endRefused.body());
        assertEquals("", ShownErrors.under(endRefused.body(), "startsOn"));
        assertEquals("2020-04-02 2020-05-24", fixtures.value(
                "SELECT CONCAT(starts_on, ' ', ends_on) FROM campaign WHERE id = ?", id));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE action = 'UPDATE'"));
    }

    @Test
    void deleteIsRefusedWhileSessionsOrBeneficiariesExist() {
        long id = data.teaCampaign("春茶", "ACTIVE", "421124");
        data.session(id, "421124");
        data.beneficiaryLink(id, "421124");
        Browser.Page refused = admin.post("/campaigns/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("1 场直播、1 个帮扶对象"), refused.body());
        fixtures.execute("DELETE FROM beneficiary_link");
        fixtures.execute("DELETE FROM live_session");
        Browser.Page deleted = admin.post("/campaigns/" + id + "/delete", Map.of());
        assertEquals(303, deleted.status(), deleted.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign_county"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE entity_id = ?", id));
    }

    @Test
    void coordinatorSeesOnlyCampaignsOfTheirCounties() {
        long mine = data.teaCampaign("英山春茶", "ACTIVE", "421124", "420526");
        long other = data.teaCampaign("安溪铁观音", "ACTIVE", "350524");
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        String list = coordinator.get("/campaigns").body();
        assertTrue(list.contains("英山春茶") && !list.contains("安溪铁观音"), list);
        assertEquals(200, coordinator.get("/campaigns/" + mine).status());
        assertEquals(404, coordinator.get("/campaigns/" + other).status());
        assertEquals(403, coordinator.get("/campaigns/" + mine + "/edit").status());
        assertEquals(403, coordinator.postMulti("/campaigns/" + mine, editForm("改名", "0", "421124")).status());
        assertEquals(403, coordinator.post("/campaigns/" + mine + "/delete", Map.of()).status());
        assertEquals("英山春茶", fixtures.value("SELECT name FROM campaign WHERE id = ?", mine));
    }

    @Test
    void associationStaffReadEverythingButChangeNothing() {
        long id = data.teaCampaign("安溪铁观音", "ACTIVE", "350524");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertTrue(staff.get("/campaigns").body().contains("安溪铁观音"));
        assertEquals(200, staff.get("/campaigns/" + id).status());
        assertEquals(403, staff.get("/campaigns/new").status());
        assertEquals(403, staff.postMulti("/campaigns", campaignForm("新活动", "2020-04-02", "2020-05-24")).status());
        assertEquals(403, staff.post("/campaigns/" + id + "/delete", Map.of()).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM campaign"));
    }

    @Test
    void listIsSearchableSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            data.teaCampaign(String.format("活动%02d", i), "PLANNED");
        }
        Browser.Page first = admin.get("/campaigns?sort=name");
        assertTrue(first.body().contains("活动01") && !first.body().contains("活动26"), "25 a page");
        assertTrue(first.body().contains("第 1 页，共 2 页（30 条）"), first.body());
        assertTrue(admin.get("/campaigns?sort=name&page=1").body().contains("活动30"));
        String descending = admin.get("/campaigns?sort=name&dir=desc").body();
        assertTrue(descending.indexOf("活动30") < descending.indexOf("活动29"));
        String found = admin.get("/campaigns?q=%E6%B4%BB%E5%8A%A807").body();
        assertTrue(found.contains("活动07") && !found.contains("活动08"), found);
        assertEquals(200, admin.get("/campaigns?sort=password_hash").status());
    }

    @Test
    void unknownCampaignIsA404Page() {
        assertEquals(404, admin.get("/campaigns/999999").status());
        assertEquals(404, admin.get("/campaigns/999999/edit").status());
        assertEquals(404, admin.post("/campaigns/999999/delete", Map.of()).status());
    }

    @Test
    void otherFeaturesReadCampaignsThroughTheHelper() {
        long id = data.teaCampaign("春茶", "CLOSED", "421124", "420526");
        CampaignInfo info = campaigns.find(id).orElseThrow();
        assertEquals("春茶", info.name());
        assertTrue(info.closed());
        assertTrue(info.covers(LocalDate.of(2020, 5, 24)) && !info.covers(LocalDate.of(2020, 5, 25)));
        assertTrue(campaigns.takesPart(id, "421124"));
        assertFalse(campaigns.takesPart(id, "350524"));
        assertEquals(List.of("420526", "421124"), campaigns.countyCodes(id));
        assertTrue(campaigns.find(999999).isEmpty());
    }

    @Test
    void garbageInEveryFieldNeverGivesAServerError() {
        long id = data.teaCampaign("春茶", "ACTIVE", "421124");
        for (String garbage : Garbage.VALUES) {
            List<Map.Entry<String, String>> form = new ArrayList<>();
            for (String field : List.of("name", "theme", "startsOn", "endsOn", "status", "description", "targetGross",
                    "targetPeople", "partner", "county", "removeCounty", "addCounties", "version")) {
                form.add(Map.entry(field, garbage));
            }
            int updated = admin.postMulti("/campaigns/" + id, form).status();
            assertTrue(updated == 422 || updated == 409, garbage + " gave " + updated);
            form.add(Map.entry("submission", UUID.randomUUID().toString()));
            int created = admin.postMulti("/campaigns", form).status();
            assertTrue(created == 422 || created == 303, garbage + " gave " + created);
        }
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM campaign"));
    }

    private String partner(String name, String kind) {
        fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES (?, ?, NOW(), NOW())", name, kind);
        return fixtures.value("SELECT id FROM partner WHERE name = ?", name);
    }

    private static List<Map.Entry<String, String>> campaignForm(String name, String startsOn, String endsOn) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("name", name));
        form.add(Map.entry("theme", "茶叶"));
        form.add(Map.entry("startsOn", startsOn));
        form.add(Map.entry("endsOn", endsOn));
        form.add(Map.entry("status", "ACTIVE"));
        form.add(Map.entry("submission", UUID.randomUUID().toString()));
        return form;
    }

    private static List<Map.Entry<String, String>> editForm(String name, String version, String... counties) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("name", name));
        form.add(Map.entry("theme", "茶叶"));
        form.add(Map.entry("startsOn", "2020-04-02"));
        form.add(Map.entry("endsOn", "2020-05-24"));
        form.add(Map.entry("status", "ACTIVE"));
        form.add(Map.entry("version", version));
        for (String county : counties) {
            form.add(Map.entry("county", county));
        }
        return form;
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

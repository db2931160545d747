package countylive.official;

import countylive.campaign.CampaignData;
import countylive.campaign.Garbage;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official form: the county typed as code or name, and the usual round trip. */
@MicronautTest(transactional = false)
class OfficialFormTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", "421124");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @Test
    void createsOfficialWithCountyTypedByNameAndShowsItsName() {
        Browser.Page page = admin.post("/officials", newOfficial("张县长", "县长", "英山县"));
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM official");
        assertEquals("/officials/" + id + "?flash=created", page.location());
        assertEquals("421124", fixtures.value("SELECT county_code FROM official WHERE id = ?", id));
        assertEquals("CREATE root 421124", fixtures.value("SELECT CONCAT(action, ' ', username, ' ', county_code) "
                + "FROM audit_event WHERE entity_type = 'official' AND entity_id = ?", id));
        String shown = admin.get(page.location()).body();
        assertTrue(shown.contains("已创建") && shown.contains("英山县（湖北省）"), shown);
        assertTrue(admin.get("/officials").body().contains("英山县（湖北省）"));
    }

    @Test
    void countyMayBeTypedAsCode() {
        assertEquals(303, admin.post("/officials", newOfficial("李副县长", "副县长", "350524")).status());
        assertEquals("350524", fixtures.value("SELECT county_code FROM official"));
    }

    @Test
    void rejectsMissingFieldsAndKeepsWhatWasTyped() {
        Browser.Page page = admin.post("/officials", newOfficial("", "县长", ""));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("请填写此项"), page.body());
        assertTrue(page.body().contains("value=\"县长\""), "typed title kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM official"));
    }

    @Test
    void rejectsUnknownAmbiguousOrSeveralCounties() {
        Browser.Page unknown = admin.post("/officials", newOfficial("张", "县长", "不存在县"));
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("未知的县代码或名称：不存在县")
                && unknown.body().contains("value=\"不存在县\""), unknown.body());
        Browser.Page ambiguous = admin.post("/officials", newOfficial("张", "县长", "朝阳区"));
        assertEquals(422, ambiguous.status());
        assertTrue(ambiguous.body().contains("名称不唯一，请改填代码"), ambiguous.body());
        Browser.Page several = admin.post("/officials", newOfficial("张", "县长", "421124 420526"));
        assertEquals(422, several.status());
        assertTrue(several.body().contains("只能填写一个县"), several.body());
        Browser.Page tooLong = admin.post("/officials", newOfficial("张".repeat(51), "县长", "421124"));
        assertTrue(tooLong.body().contains("最多 50 个字符"), tooLong.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM official"));
    }

    @Test
    void doubleSubmitMakesOneOfficial() {
        Map<String, String> form = newOfficial("张县长", "县长", "421124");
        assertEquals(303, admin.post("/officials", form).status());
        Browser.Page second = admin.post("/officials", form);
        assertEquals(303, second.status());
        assertEquals("/officials/" + fixtures.value("SELECT id FROM official"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM official"));
    }

    @Test
    void editsAndRefusesAStaleEdit() {
        admin.post("/officials", newOfficial("张县长", "县长", "421124"));
        String id = fixtures.value("SELECT id FROM official");
        String version = version(admin.get("/officials/" + id + "/edit").body());
        Browser.Page first = admin.post("/officials/" + id, edit("张县长", "县委书记", "兴山县", version));
        assertEquals(303, first.status(), first.body());
        assertEquals("县委书记 420526", fixtures.value("SELECT CONCAT(title, ' ', county_code) FROM official"));
        Browser.Page second = admin.post("/officials/" + id, edit("张县长", "副县长", "421124", version));
        assertEquals(409, second.status());
        assertTrue(second.body().contains("已被他人修改") && second.body().contains("副县长"), second.body());
        assertEquals("县委书记", fixtures.value("SELECT title FROM official"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE action = 'UPDATE'")
                .contains("[\"421124\",\"420526\"]"));
    }

    @Test
    void deleteIsRefusedWhileSessionsUseTheOfficial() {
        admin.post("/officials", newOfficial("张县长", "县长", "421124"));
        String id = fixtures.value("SELECT id FROM official");
        CampaignData data = new CampaignData(fixtures);
        long session = data.session(data.teaCampaign("春茶", "ACTIVE", "421124"), "421124");
        fixtures.execute("INSERT INTO live_session_official (session_id, official_id) VALUES (?, ?)", session, id);
        Browser.Page refused = admin.post("/officials/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("无法删除：仍有 1 场直播 引用这条记录"), refused.body());
        fixtures.execute("DELETE FROM live_session_official");
        assertEquals(303, admin.post("/officials/" + id + "/delete", Map.of()).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM official"));
        assertEquals("DELETE 421124", fixtures.value(
                "SELECT CONCAT(action, ' ', county_code) FROM audit_event WHERE action = 'DELETE'"));
    }

    @Test
    void associationAndCoordinatorsReadButCannotChange() {
        admin.post("/officials", newOfficial("张县长", "县长", "421124"));
        String id = fixtures.value("SELECT id FROM official");
        for (String user : List.of("staff", "yingshan")) {
            Browser browser = new Browser(server.getURI()).login(user, Fixtures.PASSWORD);
            assertEquals(200, browser.get("/officials").status());
            assertEquals(200, browser.get("/officials/" + id).status());
            assertEquals(403, browser.get("/officials/new").status());
            assertEquals(403, browser.post("/officials", newOfficial("x", "x", "421124")).status());
            assertEquals(403, browser.post("/officials/" + id, edit("x", "x", "421124", "0")).status());
            assertEquals(403, browser.post("/officials/" + id + "/delete", Map.of()).status());
        }
        assertEquals("张县长", fixtures.value("SELECT name FROM official"));
    }

    @Test
    void listIsSearchableByCountyNameSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            fixtures.execute("INSERT INTO official (name, title, county_code, created_at, updated_at) "
                    + "VALUES (?, '县长', ?, NOW(), NOW())", String.format("官员%02d", i), i == 7 ? "350524" : "421124");
        }
        Browser.Page first = admin.get("/officials");
        assertTrue(first.body().contains("官员01") && !first.body().contains("官员26"), "25 a page");
        assertTrue(first.body().contains("第 1 页，共 2 页（30 条）"), first.body());
        String descending = admin.get("/officials?sort=name&dir=desc").body();
        assertTrue(descending.indexOf("官员30") < descending.indexOf("官员29"));
        String found = admin.get("/officials?q=%E5%AE%89%E6%BA%AA").body(); // 安溪
        assertTrue(found.contains("官员07") && !found.contains("官员08"), found);
    }

    @Test
    void unknownOfficialIsA404Page() {
        assertEquals(404, admin.get("/officials/999999").status());
        assertEquals(404, admin.get("/officials/999999/edit").status());
        assertEquals(404, admin.post("/officials/999999/delete", Map.of()).status());
    }

    @Test
    void garbageInEveryFieldNeverGivesAServerError() {
        admin.post("/officials", newOfficial("张县长", "县长", "421124"));
        String id = fixtures.column("SELECT id FROM official ORDER BY id").get(0);
        for (String garbage : Garbage.VALUES) {
            Map<String, String> form = new HashMap<>();
            for (String field : List.of("name", "title", "county")) {
                form.put(field, garbage);
            }
            form.put("submission", UUID.randomUUID().toString());
            int created = admin.post("/officials", form).status();
            assertTrue(created == 422 || created == 303, garbage + " gave " + created);
            form.put("version", garbage);
            int updated = admin.post("/officials/" + id, form).status();
            assertTrue(updated == 422 || updated == 409 || updated == 303, garbage + " gave " + updated);
        }
    }

    private static Map<String, String> newOfficial(String name, String title, String county) {
        return Map.of("name", name, "title", title, "county", county, "submission", UUID.randomUUID().toString());
    }

    private static Map<String, String> edit(String name, String title, String county, String version) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("title", title);
        form.put("county", county);
        form.put("version", version);
        return form;
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

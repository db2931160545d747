package countylive.host;

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

/** The host form round trip: good path, every rule, double submit, stale edit, delete, roles. */
@MicronautTest(transactional = false)
class HostFormTest {

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
    void createsHostAndRedirectsToIt() {
        Browser.Page page = admin.post("/hosts", newHost("李佳", "DOUYIN", "lijia_tea", "1,234,567"));
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM host WHERE handle = 'lijia_tea'");
        assertEquals("/hosts/" + id + "?flash=created", page.location());
        assertEquals("李佳 DOUYIN 1234567", fixtures.value(
                "SELECT CONCAT(name, ' ', platform, ' ', followers) FROM host WHERE id = ?", id));
        assertEquals("CREATE root", fixtures.value(
                "SELECT CONCAT(action, ' ', username) FROM audit_event WHERE entity_type = 'host' AND entity_id = ?", id));
        String shown = admin.get(page.location()).body();
        assertTrue(shown.contains("已创建") && shown.contains("1,234,567") && shown.contains("抖音"), shown);
    }

    @Test
    void followersAreOptional() {
        assertEquals(303, admin.post("/hosts", newHost("小王", "KUAISHOU", "xiaowang", "")).status());
        assertEquals(List.of("NULL"), fixtures.column("SELECT COALESCE(followers, 'NULL') FROM host"));
    }

    @Test
    void rejectsMissingFieldsAndKeepsWhatWasTyped() {
        Browser.Page page = admin.post("/hosts", newHost(" ", "TAOBAO", "", "12"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("请填写此项"), page.body());
        assertTrue(page.body().contains("<option value=\"TAOBAO\" selected"), "typed choice kept");
        assertTrue(page.body().contains("value=\"12\""), "typed followers kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM host"));
    }

    @Test
    void rejectsBadFollowersTooLongNameAndUnknownPlatform() {
        String longName = "主".repeat(51);
        Browser.Page page = admin.post("/hosts", newHost(longName, "WEIBO", "h", "1e3"));
        assertEquals(422, page.status());
        String body = page.body();
        assertTrue(body.contains("最多 50 个字符") && body.contains("请从列表中选择")
                && body.contains("请输入不小于 0 的整数"), body);
        assertTrue(body.contains("value=\"" + longName + "\"") && body.contains("value=\"1e3\""));
        assertEquals(422, admin.post("/hosts", newHost("a", "DOUYIN", "h", "-5")).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM host"));
    }

    @Test
    void handleIsUniquePerPlatform() {
        admin.post("/hosts", newHost("李佳", "DOUYIN", "lijia", ""));
        assertEquals(303, admin.post("/hosts", newHost("李佳", "KUAISHOU", "lijia", "")).status(), "other platform");
        Browser english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        Browser.Page clash = english.post("/hosts", newHost("另一个", "DOUYIN", "lijia", ""));
        assertEquals(422, clash.status());
        assertTrue(clash.body().contains("A host with this account already exists on this platform."), clash.body());
        assertTrue(clash.body().contains("value=\"另一个\""));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM host"));
    }

    @Test
    void doubleSubmitMakesOneHost() {
        Map<String, String> form = newHost("李佳", "DOUYIN", "lijia", "");
        Browser.Page first = admin.post("/hosts", form);
        Browser.Page second = admin.post("/hosts", form);
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        assertEquals("/hosts/" + fixtures.value("SELECT id FROM host"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM host"));
    }

    @Test
    void editsAndRefusesAStaleEdit() {
        admin.post("/hosts", newHost("李佳", "DOUYIN", "lijia", "100"));
        String id = fixtures.value("SELECT id FROM host");
        String version = version(admin.get("/hosts/" + id + "/edit").body());
        Browser.Page first = admin.post("/hosts/" + id, edit("李佳琪", "lijia", "200", version));
        assertEquals(303, first.status(), first.body());
        Browser.Page second = admin.post("/hosts/" + id, edit("李佳佳", "lijia", "300", version));
        assertEquals(409, second.status());
        assertTrue(second.body().contains("已被他人修改") && second.body().contains("李佳佳"), second.body());
        assertEquals("李佳琪 200", fixtures.value("SELECT CONCAT(name, ' ', followers) FROM host WHERE id = ?", id));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE action = 'UPDATE' AND entity_id = ?", id)
                .contains("[\"100\",\"200\"]"));
    }

    @Test
    void editThatClashesWithAnotherHandleIsRefused() {
        admin.post("/hosts", newHost("甲", "DOUYIN", "a", ""));
        admin.post("/hosts", newHost("乙", "DOUYIN", "b", ""));
        String id = fixtures.value("SELECT id FROM host WHERE handle = 'b'");
        Browser.Page page = admin.post("/hosts/" + id, edit("乙", "a", "", version(admin.get("/hosts/" + id + "/edit").body())));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("该平台上已有这个账号的主播"), page.body());
        assertEquals("b", fixtures.value("SELECT handle FROM host WHERE id = ?", id));
    }

    @Test
    void deleteIsRefusedWhileSessionsUseTheHost() {
        admin.post("/hosts", newHost("李佳", "DOUYIN", "lijia", ""));
        String id = fixtures.value("SELECT id FROM host");
        CampaignData data = new CampaignData(fixtures);
        long session = data.session(data.teaCampaign("春茶", "ACTIVE", "421124"), "421124");
        fixtures.execute("INSERT INTO live_session_host (session_id, host_id) VALUES (?, ?)", session, id);
        Browser.Page refused = admin.post("/hosts/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("无法删除：仍有 1 场直播 引用这条记录"), refused.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM host"));
        fixtures.execute("DELETE FROM live_session_host");
        Browser.Page deleted = admin.post("/hosts/" + id + "/delete", Map.of());
        assertEquals(303, deleted.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM host"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE action = 'DELETE'"));
    }

    @Test
    void associationAndCoordinatorsReadButCannotChange() {
        admin.post("/hosts", newHost("李佳", "DOUYIN", "lijia", ""));
        String id = fixtures.value("SELECT id FROM host");
        for (String user : List.of("staff", "yingshan")) {
            Browser browser = new Browser(server.getURI()).login(user, Fixtures.PASSWORD);
            assertEquals(200, browser.get("/hosts").status());
            assertEquals(200, browser.get("/hosts/" + id).status());
            assertEquals(403, browser.get("/hosts/new").status());
            assertEquals(403, browser.get("/hosts/" + id + "/edit").status());
            assertEquals(403, browser.post("/hosts", newHost("x", "OTHER", "x", "")).status());
            assertEquals(403, browser.post("/hosts/" + id, edit("x", "x", "", "0")).status());
            assertEquals(403, browser.post("/hosts/" + id + "/delete", Map.of()).status());
        }
        assertEquals("李佳", fixtures.value("SELECT name FROM host"));
    }

    @Test
    void listIsSearchableSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            fixtures.execute("INSERT INTO host (name, platform, handle, followers, created_at, updated_at) "
                    + "VALUES (?, 'DOUYIN', ?, ?, NOW(), NOW())", String.format("主播%02d", i), "h" + i, i * 1000);
        }
        Browser.Page first = admin.get("/hosts");
        assertTrue(first.body().contains("主播01") && !first.body().contains("主播26"), "25 a page");
        assertTrue(first.body().contains("第 1 页，共 2 页（30 条）"), first.body());
        String byFollowers = admin.get("/hosts?sort=followers&dir=desc").body();
        assertTrue(byFollowers.indexOf("主播30") < byFollowers.indexOf("主播29"));
        String found = admin.get("/hosts?q=h17").body();
        assertTrue(found.contains("主播17") && !found.contains("主播18"), found);
        assertEquals(200, admin.get("/hosts?sort=handle;DROP").status());
    }

    @Test
    void unknownHostIsA404Page() {
        assertEquals(404, admin.get("/hosts/999999").status());
        assertEquals(404, admin.get("/hosts/999999/edit").status());
        assertEquals(404, admin.post("/hosts/999999", edit("x", "x", "", "0")).status());
        assertEquals(404, admin.post("/hosts/999999/delete", Map.of()).status());
    }

    @Test
    void garbageInEveryFieldNeverGivesAServerError() {
        admin.post("/hosts", newHost("李佳", "DOUYIN", "lijia", ""));
        String id = fixtures.column("SELECT id FROM host ORDER BY id").get(0);
        for (String garbage : Garbage.VALUES) {
            Map<String, String> form = new HashMap<>();
            for (String field : List.of("name", "platform", "handle", "followers")) {
                form.put(field, garbage);
            }
            form.put("submission", UUID.randomUUID().toString());
            int created = admin.post("/hosts", form).status();
            assertTrue(created == 422 || created == 303, garbage + " gave " + created);
            form.put("version", garbage);
            int updated = admin.post("/hosts/" + id, form).status();
            assertTrue(updated == 422 || updated == 409 || updated == 303, garbage + " gave " + updated);
        }
    }

    private static Map<String, String> newHost(String name, String platform, String handle, String followers) {
        return Map.of("name", name, "platform", platform, "handle", handle, "followers", followers,
                "submission", UUID.randomUUID().toString());
    }

    private static Map<String, String> edit(String name, String handle, String followers, String version) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("platform", "DOUYIN");
        form.put("handle", handle);
        form.put("followers", followers);
        form.put("version", version);
        return form;
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

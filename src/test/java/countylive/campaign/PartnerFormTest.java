package countylive.campaign;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference form round trip: good path, every rule, double submit, stale edit, delete. */
@MicronautTest(transactional = false)
class PartnerFormTest {

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
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @Test
    void createsPartnerAndRedirectsToIt() {
        Browser.Page page = admin.post("/partners", newPartner("抖音", "PLATFORM"));
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM partner WHERE name = '抖音'");
        assertEquals("/partners/" + id + "?flash=created", page.location());
        assertEquals("PLATFORM", fixtures.value("SELECT kind FROM partner WHERE id = ?", id));
        Browser.Page shown = admin.get(page.location());
        assertTrue(shown.body().contains("已创建"), "flash message");
        assertTrue(shown.body().contains("抖音"));
        assertEquals("CREATE root", fixtures.value(
                "SELECT CONCAT(action, ' ', username) FROM audit_event WHERE entity_type = 'partner' AND entity_id = ?", id));
    }

    @Test
    void rejectsMissingNameAndKeepsWhatWasTyped() {
        Browser.Page page = admin.post("/partners", newPartner("  ", "SOCIETY"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("请填写此项"), page.body());
        assertTrue(page.body().contains("<option value=\"SOCIETY\" selected"), "typed choice kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void rejectsTooLongNameAndUnknownKind() {
        String longName = "茶".repeat(101);
        Browser.Page page = admin.post("/partners", newPartner(longName, "NOT_A_KIND"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("最多 100 个字符"), page.body());
        assertTrue(page.body().contains("请从列表中选择"));
        assertTrue(page.body().contains("value=\"" + longName + "\""), "typed name kept");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void rejectsDuplicateNameInEnglishToo() {
        admin.post("/partners", newPartner("中国茶叶流通协会", "ASSOCIATION"));
        Browser english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        Browser.Page page = english.post("/partners", newPartner("中国茶叶流通协会", "ASSOCIATION"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("This name exists already."), page.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void doubleSubmitMakesOneRecord() {
        Map<String, String> form = newPartner("中国茶叶学会", "SOCIETY");
        Browser.Page first = admin.post("/partners", form);
        Browser.Page second = admin.post("/partners", form);
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        assertEquals("/partners/" + fixtures.value("SELECT id FROM partner"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void secondOfTwoConcurrentEditsIsRefused() {
        admin.post("/partners", newPartner("快手", "PLATFORM"));
        String id = fixtures.value("SELECT id FROM partner");
        String version = version(admin.get("/partners/" + id + "/edit").body());
        Browser.Page first = admin.post("/partners/" + id, Map.of("name", "快手电商", "kind", "PLATFORM", "version", version));
        assertEquals(303, first.status(), first.body());
        Browser.Page second = admin.post("/partners/" + id, Map.of("name", "快手直播", "kind", "PLATFORM", "version", version));
        assertEquals(409, second.status());
        assertTrue(second.body().contains("已被他人修改"), second.body());
        assertTrue(second.body().contains("快手直播"), "typed value kept");
        assertEquals("快手电商", fixtures.value("SELECT name FROM partner WHERE id = ?", id));
        assertEquals("UPDATE", fixtures.value(
                "SELECT action FROM audit_event WHERE entity_id = ? AND action = 'UPDATE'", id));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE entity_id = ? AND action = 'UPDATE'", id)
                .contains("[\"快手\",\"快手电商\"]"));
    }

    @Test
    void deleteIsRefusedWhileACampaignNamesThePartner() {
        admin.post("/partners", newPartner("抖音", "PLATFORM"));
        String id = fixtures.value("SELECT id FROM partner");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        fixtures.execute("INSERT INTO campaign_partner (campaign_id, partner_id) SELECT id, ? FROM campaign", id);
        Browser.Page refused = admin.post("/partners/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("1 个活动"), refused.body());
        fixtures.execute("DELETE FROM campaign_partner");
        Browser.Page deleted = admin.post("/partners/" + id + "/delete", Map.of());
        assertEquals(303, deleted.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE action = 'DELETE'"));
    }

    @Test
    void associationStaffReadButCannotChange() {
        admin.post("/partners", newPartner("抖音", "PLATFORM"));
        String id = fixtures.value("SELECT id FROM partner");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals(200, staff.get("/partners").status());
        assertEquals(200, staff.get("/partners/" + id).status());
        assertEquals(403, staff.get("/partners/new").status());
        assertEquals(403, staff.post("/partners/" + id, Map.of("name", "x", "kind", "OTHER", "version", "0")).status());
        assertEquals(403, staff.post("/partners/" + id + "/delete", Map.of()).status());
        assertEquals("抖音", fixtures.value("SELECT name FROM partner"));
    }

    @Test
    void postWithoutOrWithForgedCsrfTokenIsRefused() {
        Browser.Page missing = admin.postRaw("/partners", newPartner("无令牌", "OTHER"));
        Browser.Page forged = admin.postRaw("/partners", withCsrf(newPartner("伪造", "OTHER"), "forged"));
        assertEquals(403, missing.status());
        assertEquals(403, forged.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM partner"));
    }

    @Test
    void listIsSearchableSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES (?, 'OTHER', NOW(), NOW())",
                    String.format("单位%02d", i));
        }
        Browser.Page first = admin.get("/partners");
        assertTrue(first.body().contains("单位01") && !first.body().contains("单位26"), "25 a page");
        assertTrue(first.body().contains("第 1 页，共 2 页（30 条）"), first.body());
        assertTrue(admin.get("/partners?page=1").body().contains("单位30"));
        assertTrue(admin.get("/partners?sort=name&dir=desc").body().indexOf("单位30")
                < admin.get("/partners?sort=name&dir=desc").body().indexOf("单位29"));
        Browser.Page found = admin.get("/partners?q=%E5%8D%95%E4%BD%8D07");
        assertTrue(found.body().contains("单位07") && !found.body().contains("单位08"), found.body());
        assertEquals(200, admin.get("/partners?sort=password_hash;DROP").status(), "unknown sort ignored");
    }

    @Test
    void unknownPartnerIsA404Page() {
        assertEquals(404, admin.get("/partners/999999").status());
        assertEquals(404, admin.get("/partners/999999/edit").status());
    }

    private static Map<String, String> newPartner(String name, String kind) {
        return Map.of("name", name, "kind", kind, "submission", java.util.UUID.randomUUID().toString());
    }

    private static Map<String, String> withCsrf(Map<String, String> form, String token) {
        Map<String, String> copy = new java.util.HashMap<>(form);
        copy.put("csrf", token);
        return copy;
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

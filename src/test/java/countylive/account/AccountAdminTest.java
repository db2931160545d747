package countylive.account;

import countylive.campaign.ShownErrors;
import countylive.support.Browser;
import countylive.support.CrossCounty;
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

import static countylive.account.AccountData.ANXI;
import static countylive.account.AccountData.XINGSHAN;
import static countylive.account.AccountData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrators' account pages: create, edit, disable, reset a password; and who may not. */
@MicronautTest(transactional = false)
class AccountAdminTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @Test
    void createsCoordinatorWithCountiesAndAuditsIt() {
        Browser.Page page = admin.post("/accounts", newAccount("wang.fang", "王芳", "COORDINATOR", "421124，420526"));
        assertEquals(303, page.status(), page.body());
        String id = AccountData.id(fixtures, "wang.fang");
        assertEquals("/accounts/" + id + "?flash=created", page.location());
        assertEquals(XINGSHAN + " " + YINGSHAN, AccountData.counties(fixtures, "wang.fang"));
        assertEquals("COORDINATOR", fixtures.value("SELECT role FROM app_user WHERE id = ?", id));
        Browser.Page shown = admin.get(page.location());
        assertTrue(shown.body().contains("英山县") && shown.body().contains("兴山县"), shown.body());
        assertTrue(shown.body().contains("修改记录") && shown.body().contains("<ins>兴山县、英山县</ins>"),
                "the account's page shows its history");
        List<String> audit = AccountData.audit(fixtures, id);
        assertEquals(1, audit.size());
        assertEquals("CREATE by root {\"counties\":[null,\"420526 421124\"],\"displayName\":[null,\"王芳\"],"
                + "\"enabled\":[null,\"true\"],\"role\":[null,\"COORDINATOR\"],\"username\":[null,\"wang.fang\"]}", audit.get(0));
        assertFalse(audit.get(0).contains("$2"), "no password hash in the audit");
        new Browser(server.getURI()).login("wang.fang", "initial-pass-1");
    }

    @Test
    void namesUnknownCountyCodesAndKeepsWhatWasTyped() {
        Browser.Page page = admin.post("/accounts", newAccount("li", "李", "COORDINATOR", "421124 999999 123456"));
        assertEquals(422, page.status());
        assertTrue(ShownErrors.under(page.body(), "counties").contains("以下县代码或县名不存在：123456, 999999"), page.body());
        assertTrue(page.body().contains("value=\"421124 999999 123456\""), "typed codes kept");
        Browser.Page malformed = admin.post("/accounts", newAccount("li", "李", "COORDINATOR", "英山 42112"));
        assertEquals(422, malformed.status());
        assertTrue(malformed.body().contains("以下县代码或县名不存在：42112, 英山"), malformed.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM app_user WHERE username = 'li'"));
    }

    @Test
    void countiesMayBeTypedByNameAsOnTheCampaignForm() {
        Browser.Page page = admin.post("/accounts", newAccount("li", "李", "COORDINATOR", "英山县、 420526"));
        assertEquals(303, page.status(), page.body());
        assertEquals(XINGSHAN + " " + YINGSHAN, AccountData.counties(fixtures, "li"));
        Browser.Page ambiguous = admin.post("/accounts", newAccount("zhao", "赵", "COORDINATOR", "朝阳区"));
        assertEquals(422, ambiguous.status());
        assertTrue(ShownErrors.under(ambiguous.body(), "counties").contains("名称不唯一，请改填代码：朝阳区 (110105"),
                ambiguous.body());
    }

    @Test
    void anAcceptedInitialPasswordIsKeptWhenAnotherFieldIsWrongButARefusedOneIsNot() {
        Browser.Page otherField = admin.post("/accounts", newAccount("li", "李", "COORDINATOR", "999999"));
        assertEquals(422, otherField.status());
        assertTrue(otherField.body().matches("(?s).*<input type=\"password\" id=\"password\" name=\"password\"[^>]*"
                + "value=\"initial-pass-1\".*"), "not typed twice: " + otherField.body());
        Map<String, String> shortPassword = newAccount("li", "李", "COORDINATOR", "999999");
        shortPassword.put("password", "short");
        Browser.Page refused = admin.post("/accounts", shortPassword);
        assertEquals(422, refused.status());
        assertFalse(refused.body().contains("value=\"short\""), "a refused password is not sent back: " + refused.body());
    }

    @Test
    void coordinatorNeedsACountyAndOthersHaveNone() {
        Browser.Page none = admin.post("/accounts", newAccount("li", "李", "COORDINATOR", " "));
        assertEquals(422, none.status());
        assertTrue(none.body().contains("县级协调员至少需要负责一个县"), none.body());
        Browser english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        Browser.Page staff = english.post("/accounts", newAccount("li", "Li", "ASSOCIATION", YINGSHAN));
        assertEquals(422, staff.status());
        assertTrue(staff.body().contains("Only county coordinators have counties"), staff.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM app_user WHERE username = 'li'"));
    }

    @Test
    void refusesShortPasswordBadAndTakenUsernames() {
        Map<String, String> form = newAccount("root", "Root", "ADMIN", "");
        form.put("password", "short");
        Browser.Page page = admin.post("/accounts", form);
        assertEquals(422, page.status());
        assertTrue(ShownErrors.under(page.body(), "username").contains("该用户名已被使用"), page.body());
        assertTrue(ShownErrors.under(page.body(), "password").contains("密码至少需要 10 个字符"), page.body());
        assertFalse(page.body().contains("value=\"short\""), "a password never comes back");
        Browser.Page bad = admin.post("/accounts", newAccount("a b", "A", "ADMIN", ""));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("用户名只能包含字母"), bad.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM app_user"));
    }

    @Test
    void doubleSubmitMakesOneAccount() {
        Map<String, String> form = newAccount("wang.fang", "王芳", "COORDINATOR", YINGSHAN);
        Browser.Page first = admin.post("/accounts", form);
        Browser.Page second = admin.post("/accounts", form);
        assertEquals(303, first.status(), first.body());
        assertEquals(303, second.status());
        assertEquals("/accounts/" + AccountData.id(fixtures, "wang.fang"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM app_user WHERE username = 'wang.fang'"));
        assertEquals(1, AccountData.audit(fixtures, AccountData.id(fixtures, "wang.fang")).size());
    }

    @Test
    void editChangesRoleAndCountiesWithAuditAndRefusesStaleVersion() {
        String id = String.valueOf(fixtures.coordinatorOf("zhao", YINGSHAN));
        String version = version(admin.get("/accounts/" + id + "/edit").body());
        Browser.Page first = admin.post("/accounts/" + id,
                Map.of("displayName", "赵县协调员", "role", "COORDINATOR", "counties", "421124 350524", "version", version));
        assertEquals(303, first.status(), first.body());
        assertEquals(YINGSHAN + " " + ANXI, AccountData.counties(fixtures, "zhao").replace("350524 421124", "421124 350524"));
        Browser.Page stale = admin.post("/accounts/" + id,
                Map.of("displayName", "过期", "role", "ASSOCIATION", "counties", "", "version", version));
        assertEquals(409, stale.status());
        assertTrue(ShownErrors.aboveForm(stale.body()).contains("已被他人修改"), stale.body());
        assertTrue(stale.body().contains("value=\"过期\""), "typed name kept");
        assertEquals("赵县协调员", fixtures.value("SELECT display_name FROM app_user WHERE id = ?", id));
        List<String> audit = AccountData.audit(fixtures, id);
        assertEquals(List.of("UPDATE by root {\"counties\":[\"421124\",\"350524 421124\"],\"displayName\":[\"zhao\",\"赵县协调员\"]}"),
                audit);
    }

    @Test
    void disablingEndsTheSessionsAtOnceAndEnablingLetsTheUserIn() {
        String id = String.valueOf(fixtures.association("staff"));
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        Browser.Page disabled = admin.post("/accounts/" + id + "/disable", Map.of());
        assertEquals(303, disabled.status());
        assertEquals("0", fixtures.value("SELECT enabled FROM app_user WHERE id = ?", id));
        assertEquals("0", AccountData.sessions(fixtures, "staff"));
        assertEquals("/login", staff.get("/").location());
        Browser.Page refused = new Browser(server.getURI()).get("/login");
        assertEquals(200, refused.status());
        admin.post("/accounts/" + id + "/enable", Map.of());
        new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals(List.of("UPDATE by root {\"enabled\":[\"true\",\"false\"]}",
                "UPDATE by root {\"enabled\":[\"false\",\"true\"]}"), AccountData.audit(fixtures, id));
    }

    @Test
    void adminCannotDisableOrDemoteThemself() {
        String id = AccountData.id(fixtures, "root");
        Browser.Page disable = admin.post("/accounts/" + id + "/disable", Map.of());
        assertEquals(409, disable.status());
        assertTrue(disable.body().contains("不能停用自己的账号"), disable.body());
        String version = version(admin.get("/accounts/" + id + "/edit").body());
        Browser.Page demote = admin.post("/accounts/" + id,
                Map.of("displayName", "root", "role", "ASSOCIATION", "counties", "", "version", version));
        assertEquals(422, demote.status());
        assertTrue(ShownErrors.under(demote.body(), "role").contains("不能取消自己的管理员角色"), demote.body());
        assertEquals("ADMIN 1", fixtures.value("SELECT CONCAT(role, ' ', enabled) FROM app_user WHERE id = ?", id));
        assertEquals(List.of(), AccountData.audit(fixtures, id));
    }

    @Test
    void passwordResetEndsTheUsersSessionsAndIsAuditedWithoutValues() {
        String id = String.valueOf(fixtures.coordinatorOf("zhao", YINGSHAN));
        Browser zhao = new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD);
        Browser.Page mismatch = admin.post("/accounts/" + id + "/password",
                Map.of("password", "new-password-1", "confirm", "new-password-2"));
        assertEquals(422, mismatch.status());
        assertTrue(mismatch.body().contains("两次输入的新密码不一致"), mismatch.body());
        Browser.Page reset = admin.post("/accounts/" + id + "/password",
                Map.of("password", "new-password-1", "confirm", "new-password-1"));
        assertEquals(303, reset.status(), reset.body());
        assertEquals("/login", zhao.get("/").location());
        new Browser(server.getURI()).login("zhao", "new-password-1");
        assertEquals(List.of("UPDATE by root {\"password\":[null,null]}"), AccountData.audit(fixtures, id));
        assertEquals(200, admin.get("/").status(), "the admin's own session is untouched");
    }

    @Test
    void listIsSearchableSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            fixtures.coordinatorOf(String.format("user%02d", i), YINGSHAN);
        }
        Browser.Page first = admin.get("/accounts");
        assertTrue(first.body().contains("user01") && !first.body().contains("user30"), "25 a page");
        assertTrue(first.body().contains("第 1 页，共 2 页（31 条）"), first.body());
        assertTrue(first.body().contains("英山县 421124"), "counties shown");
        assertTrue(admin.get("/accounts?page=1").body().contains("user30"));
        String descending = admin.get("/accounts?sort=username&dir=desc").body();
        assertTrue(descending.indexOf("user30") < descending.indexOf("user29"));
        Browser.Page found = admin.get("/accounts?q=user07");
        assertTrue(found.body().contains("user07") && !found.body().contains("user08"), found.body());
        assertEquals(200, admin.get("/accounts?sort=password_hash").status(), "unknown sort ignored");
        assertFalse(first.body().contains("$2a$"), "no hashes on the page");
    }

    @Test
    void coordinatorAndAssociationCannotReachAccountPages() {
        String otherId = String.valueOf(fixtures.coordinatorOf("other", ANXI));
        fixtures.coordinatorOf("coordinator", YINGSHAN);
        fixtures.association("staff");
        for (String username : List.of("coordinator", "staff")) {
            Browser browser = new Browser(server.getURI()).login(username, Fixtures.PASSWORD);
            CrossCounty.as(browser)
                    .get("/accounts")
                    .get("/accounts/" + otherId)
                    .get("/accounts/" + otherId + "/edit")
                    .post("/accounts/" + otherId, Map.of("displayName", "x", "role", "ADMIN", "counties", "", "version", "0"))
                    .post("/accounts/" + otherId + "/disable", Map.of())
                    .post("/accounts/" + otherId + "/password", Map.of("password", "taken-over-1", "confirm", "taken-over-1"))
                    .post("/accounts", newAccount("intruder", "x", "ADMIN", ""))
                    .get("/audit")
                    .notShowing("安溪县")
                    .unchanged(fixtures, "SELECT CONCAT(username, role, enabled, version, password_hash) FROM app_user ORDER BY id")
                    .unchanged(fixtures, "SELECT COUNT(*) FROM audit_event")
                    .assertRefused();
        }
    }

    @Test
    void missingOrForgedCsrfTokenIsRefusedAndNothingWritten() {
        String id = String.valueOf(fixtures.association("staff"));
        Map<String, String> form = newAccount("intruder", "x", "ADMIN", "");
        assertEquals(403, admin.postRaw("/accounts", form).status());
        form.put("csrf", "forged");
        assertEquals(403, admin.postRaw("/accounts", form).status());
        assertEquals(403, admin.postRaw("/accounts/" + id + "/disable", Map.of("csrf", "forged")).status());
        assertEquals(403, admin.postRaw("/accounts/" + id + "/password",
                Map.of("password", "taken-over-1", "confirm", "taken-over-1", "csrf", "")).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM app_user WHERE username = 'intruder'"));
        assertEquals("1", fixtures.value("SELECT enabled FROM app_user WHERE id = ?", id));
        new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event"));
    }

    static Map<String, String> newAccount(String username, String displayName, String role, String counties) {
        Map<String, String> form = new HashMap<>();
        form.put("username", username);
        form.put("displayName", displayName);
        form.put("role", role);
        form.put("counties", counties);
        form.put("password", "initial-pass-1");
        form.put("submission", UUID.randomUUID().toString());
        return form;
    }

    static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

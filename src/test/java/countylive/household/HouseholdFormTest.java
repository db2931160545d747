package countylive.household;

import countylive.livestream.EntryData;
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

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Households: registration, national uniqueness, scoping, and what association staff may not see. */
@MicronautTest(transactional = false)
class HouseholdFormTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    EntryData data;
    Browser coordinator;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void registersHouseholdAndRedirectsToIt() {
        Browser.Page page = coordinator.post("/households", household("4211240001", "5"));
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM household");
        assertEquals("/households/" + id + "?flash=created", page.location());
        assertEquals("421124 石头村 王大山 5", fixtures.value(
                "SELECT CONCAT_WS(' ', county_code, village, head_name, members) FROM household"));
        assertEquals("CREATE 421124", fixtures.value(
                "SELECT CONCAT_WS(' ', action, county_code) FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'household' AND entity_id = ?", id));
        assertTrue(coordinator.get(page.location()).body().contains("王大山"));
    }

    @Test
    void aFullWidthRegistrationNumberIsStoredInPlainDigitsAndLetters() {
        Browser.Page page = coordinator.post("/households", household("　４２１１２４ＡＢ－０００１ ", "5"));
        assertEquals(303, page.status(), page.body());
        assertEquals("421124AB-0001", fixtures.value("SELECT registration_no FROM household"));
        Browser.Page again = coordinator.post("/households", household("421124AB-0001", "3"));
        assertEquals(422, again.status(), "the same number typed half width is the same household: " + again.body());
        Browser.Page wrong = coordinator.post("/households", household("４２１１２４＃１", "3"));
        assertEquals(422, wrong.status(), "a character that is no digit, letter or hyphen is still refused");
    }

    /**
     * A registration number is unique nationally. Which county holds a number is that county's
     * business: a coordinator learns only that it is taken and whom to ask, an administrator where.
     */
    @Test
    void registrationNumberIsUniqueNationallyAndOnlyAnAdministratorLearnsWhichCountyHasIt() {
        data.household("4205260007", XINGSHAN, "李四");
        Browser.Page page = coordinator.post("/households", household("4205260007", "3"));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("该编号已被登记。如确属本县的户，请联系管理员核实。"), page.body());
        assertFalse(page.body().contains("兴山"), "the coordinator is not told where it is registered");
        assertTrue(page.body().contains("value=\"王大山\""), "typed values kept");
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM household"));

        fixtures.admin("root");
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        Browser.Page told = admin.post("/households", household("4205260007", "3"));
        assertEquals(422, told.status());
        assertTrue(told.body().contains("该编号已在 兴山县 登记"), told.body());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM household"));
    }

    @Test
    void rejectsMembersOutOfRangeMissingFieldsAndOtherCounties() {
        Map<String, String> form = household("4211240002", "51");
        form.put("village", "");
        form.put("county", XINGSHAN);
        Browser.Page page = coordinator.post("/households", form);
        assertEquals(422, page.status());
        assertTrue(page.body().contains("家庭人口须在 1 至 50 人之间"), page.body());
        assertTrue(page.body().contains("请填写此项"));
        assertTrue(page.body().contains("请从列表中选择"));
        assertTrue(page.body().contains("value=\"51\""));
        assertEquals(422, coordinator.post("/households", household("4211240002", "0")).status());
        assertEquals(422, coordinator.post("/households", household("<script>", "2")).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM household"));
    }

    @Test
    void doubleSubmitRegistersOnce() {
        Map<String, String> form = household("4211240003", "2");
        assertEquals(303, coordinator.post("/households", form).status());
        Browser.Page second = coordinator.post("/households", form);
        assertEquals(303, second.status());
        assertEquals("/households/" + fixtures.value("SELECT id FROM household"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM household"));
    }

    /**
     * Two edits of an unlinked household sent at the same moment, both from the same version: the
     * household's row is locked for each in turn, so the second finds the version moved and is
     * refused, and nothing of it overwrites the first. (Both are held at the row until both wait.)
     */
    @Test
    void twoEditsAtTheSameMomentCannotBothSave() throws Exception {
        long id = data.household("4211240005", YINGSHAN, "张三");
        String version = version(coordinator.get("/households/" + id + "/edit").body());
        Browser other = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.sql.Connection holder = fixtures.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.executeQuery("SELECT id FROM household WHERE id = " + id + " FOR UPDATE").close();
            }
            var sixth = pool.submit(() -> coordinator.post("/households/" + id, edit(version, "6")));
            var seventh = pool.submit(() -> other.post("/households/" + id, edit(version, "7")));
            for (int i = 0; i < 600 && !fixtures.value("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE INFO LIKE '%FROM household WHERE id = %' AND ID <> CONNECTION_ID()").equals("2"); i++) {
                Thread.sleep(50);
            }
            holder.rollback();
            List<Integer> statuses = new java.util.ArrayList<>(List.of(sixth.get().status(), seventh.get().status()));
            statuses.sort(null);
            assertEquals(List.of(303, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures' AND action = 'UPDATE'"));
        String kept = fixtures.value("SELECT members FROM household WHERE id = ?", id);
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND action = 'UPDATE'")
                .contains("\"members\":[\"4\",\"" + kept + "\"]"), "the one saved edit is the one in the history");
    }

    /** A closed campaign's people figure is final: a household it links keeps its members. */
    @Test
    void aHouseholdLinkedToAClosedCampaignKeepsItsMembers() {
        long campaign = data.teaCampaign();
        long id = data.household("4211240006", YINGSHAN, "张三");
        data.link(campaign, id, YINGSHAN, "100");
        data.close(campaign);
        String version = version(coordinator.get("/households/" + id + "/edit").body());
        Browser.Page refused = coordinator.post("/households/" + id, edit(version, "6"));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("已关联到已结束的活动"), refused.body());
        assertEquals("4", fixtures.value("SELECT members FROM household WHERE id = ?", id));
        Map<String, String> village = edit(version, "4");
        village.put("village", "新村");
        assertEquals(303, coordinator.post("/households/" + id, village).status(), "other fields may change");
    }

    @Test
    void secondOfTwoConcurrentEditsIsRefused() {
        long id = data.household("4211240004", YINGSHAN, "张三");
        String version = version(coordinator.get("/households/" + id + "/edit").body());
        Map<String, String> first = edit(version, "6");
        assertEquals(303, coordinator.post("/households/" + id, first).status());
        Browser.Page second = coordinator.post("/households/" + id, edit(version, "7"));
        assertEquals(409, second.status());
        assertTrue(second.body().contains("已被他人修改"));
        assertEquals("6", fixtures.value("SELECT members FROM household"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND action = 'UPDATE'").contains("\"members\":[\"4\",\"6\"]"));
    }

    @Test
    void anotherCountysHouseholdIsNotFoundForReadingOrWriting() {
        long theirs = data.household("4205260009", XINGSHAN, "李四");
        assertEquals(404, coordinator.get("/households/" + theirs).status());
        assertEquals(404, coordinator.get("/households/" + theirs + "/edit").status());
        assertEquals(404, coordinator.post("/households/" + theirs, edit("0", "3")).status());
        assertEquals(404, coordinator.post("/households/" + theirs + "/delete", Map.of()).status());
        assertFalse(coordinator.get("/households").body().contains("李四"), "not listed");
        assertEquals("4", fixtures.value("SELECT members FROM household"));
        assertEquals(404, coordinator.get("/households/999999").status());
    }

    @Test
    void associationSeesCountsButNoNamesOrNumbersAndChangesNothing() {
        long id = data.household("4211240005", YINGSHAN, "张三");
        data.household("4211240006", YINGSHAN, "赵五");
        fixtures.association("staff");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        Browser.Page list = staff.get("/households");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("英山县") && list.body().contains(">8<"), list.body());
        assertFalse(list.body().contains("张三") || list.body().contains("4211240005"), "no personal data");
        assertFalse(staff.get("/households?q=%E5%BC%A0").body().contains("张三"));
        assertEquals(403, staff.get("/households/" + id).status());
        assertEquals(403, staff.get("/households/new").status());
        assertEquals(403, staff.post("/households", household("4211240007", "2")).status());
        assertEquals(403, staff.post("/households/" + id, edit("0", "3")).status());
        assertEquals(403, staff.post("/households/" + id + "/delete", Map.of()).status());
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM household"));
    }

    @Test
    void deleteIsRefusedWhileLinksExist() {
        long campaign = data.teaCampaign();
        long id = data.household("4211240008", YINGSHAN, "张三");
        data.link(campaign, id, YINGSHAN, "300.00");
        Browser.Page refused = coordinator.post("/households/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("1 条活动帮扶记录"), refused.body());
        fixtures.execute("DELETE FROM beneficiary_link");
        assertEquals(303, coordinator.post("/households/" + id + "/delete", Map.of()).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM household"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'household'"));
    }

    @Test
    void listIsSearchableSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            data.household(String.format("42112400%02d", i), YINGSHAN, String.format("户主%02d", i));
        }
        Browser.Page first = coordinator.get("/households");
        assertTrue(first.body().contains("第 1 页，共 2 页（30 条）"), first.body());
        String desc = coordinator.get("/households?sort=registrationNo&dir=desc").body();
        assertTrue(desc.indexOf("4211240030") < desc.indexOf("4211240029"));
        Browser.Page found = coordinator.get("/households?q=%E4%B8%BB07");
        assertTrue(found.body().contains("户主07") && !found.body().contains("户主08"), found.body());
    }

    private static Map<String, String> household(String number, String members) {
        Map<String, String> form = new HashMap<>(Map.of("registrationNo", number, "county", YINGSHAN, "village", "石头村",
                "headName", "王大山", "members", members));
        form.put("submission", UUID.randomUUID().toString());
        return form;
    }

    private static Map<String, String> edit(String version, String members) {
        Map<String, String> form = household("4211240004", members);
        form.remove("submission");
        form.put("version", version);
        return form;
    }

    static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

package countylive.household;

import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linking households to campaigns with the income gained. */
@MicronautTest(transactional = false)
class BeneficiaryLinkTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    EntryData data;
    long campaign;
    long household;
    long tea;
    Browser coordinator;

    /** Leaves no records behind: the demo loader of a later test class starts on this database. */
    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        household = data.household("4211240001", YINGSHAN, "张三");
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void linksHouseholdToCampaignThroughAProduct() {
        Browser.Page page = coordinator.post(linksPath(), link(campaign, String.valueOf(tea), "1,234.5"));
        assertEquals(303, page.status(), page.body());
        assertEquals(campaign + " 421124 " + tea + " 1234.50", fixtures.value(
                "SELECT CONCAT_WS(' ', campaign_id, county_code, product_id, income) FROM beneficiary_link"));
        assertEquals("CREATE", fixtures.value("SELECT action FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'beneficiary_link'"));
        assertTrue(coordinator.get("/households/" + household).body().contains("1234.50"));
    }

    @Test
    void rejectsBadIncomeSameLinkTwiceAndCampaignsOrProductsOfOtherCounties() {
        Browser.Page bad = coordinator.post(linksPath(), link(campaign, "", "12.345"));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("金额最多两位小数"), bad.body());
        assertTrue(bad.body().contains("value=\"12.345\""));
        assertEquals(303, coordinator.post(linksPath(), link(campaign, "", "100")).status());
        Browser.Page twice = coordinator.post(linksPath(), link(campaign, "", "200"));
        assertEquals(422, twice.status());
        assertTrue(twice.body().contains("该户已通过这一商品关联到此活动"), twice.body());
        long elsewhere = data.campaign("福建春茶", "2020-04-01", "2020-04-30", "ACTIVE");
        data.county(elsewhere, "350524");
        assertEquals(422, coordinator.post(linksPath(), link(elsewhere, "", "100")).status(), "county not in campaign");
        long theirTea = data.product("兴山白茶", XINGSHAN, "80.00");
        assertEquals(422, coordinator.post(linksPath(), link(campaign, String.valueOf(theirTea), "100")).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM beneficiary_link"));
    }

    @Test
    void editsAndRemovesALinkWithStaleEditRefused() {
        long id = data.link(campaign, household, YINGSHAN, "300.00");
        Browser.Page form = coordinator.get("/beneficiary-links/" + id + "/edit");
        assertEquals(200, form.status());
        String version = HouseholdFormTest.version(form.body());
        assertEquals(303, coordinator.post("/beneficiary-links/" + id, edit(version, "350")).status());
        Browser.Page stale = coordinator.post("/beneficiary-links/" + id, edit(version, "400"));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("value=\"400\""));
        assertEquals("350.00", fixtures.value("SELECT income FROM beneficiary_link"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE username <> 'fixtures' AND action = 'UPDATE'").contains("[\"300.00\",\"350.00\"]"));
        assertEquals(303, coordinator.post("/beneficiary-links/" + id + "/delete", Map.of()).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM beneficiary_link"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE username <> 'fixtures' AND entity_type = 'beneficiary_link' AND action = 'DELETE'"));
    }

    @Test
    void closedCampaignRefusesLinkChanges() {
        long id = data.link(campaign, household, YINGSHAN, "300.00");
        data.close(campaign);
        Browser.Page created = coordinator.post(linksPath(), link(campaign, String.valueOf(tea), "100"));
        assertEquals(409, created.status());
        assertTrue(created.body().contains("该活动已结束"), created.body());
        assertEquals(409, coordinator.post("/beneficiary-links/" + id, edit("0", "999")).status());
        assertEquals(409, coordinator.post("/beneficiary-links/" + id + "/delete", Map.of()).status());
        assertEquals("1 300.00", fixtures.value("SELECT CONCAT_WS(' ', COUNT(*), MAX(income)) FROM beneficiary_link"));
    }

    @Test
    void doubleSubmitLinksOnce() {
        Map<String, String> form = link(campaign, "", "100");
        assertEquals(303, coordinator.post(linksPath(), form).status());
        assertEquals(303, coordinator.post(linksPath(), form).status());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM beneficiary_link"));
    }

    @Test
    void anotherCountysLinksAreNotFoundAndAssociationIsRefused() {
        long theirs = data.household("4205260001", XINGSHAN, "李四");
        long theirLink = data.link(campaign, theirs, XINGSHAN, "500.00");
        assertEquals(404, coordinator.post("/households/" + theirs + "/links", link(campaign, "", "100")).status());
        assertEquals(404, coordinator.get("/beneficiary-links/" + theirLink + "/edit").status());
        assertEquals(404, coordinator.post("/beneficiary-links/" + theirLink, edit("0", "1")).status());
        assertEquals(404, coordinator.post("/beneficiary-links/" + theirLink + "/delete", Map.of()).status());
        fixtures.association("staff");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        assertEquals(403, staff.post(linksPath(), link(campaign, "", "100")).status());
        assertEquals(403, staff.get("/beneficiary-links/" + theirLink + "/edit").status());
        assertEquals(403, staff.post("/beneficiary-links/" + theirLink, edit("0", "1")).status());
        assertEquals(403, staff.post("/beneficiary-links/" + theirLink + "/delete", Map.of()).status());
        assertEquals("1 500.00", fixtures.value("SELECT CONCAT_WS(' ', COUNT(*), MAX(income)) FROM beneficiary_link"));
    }

    private String linksPath() {
        return "/households/" + household + "/links";
    }

    private static Map<String, String> link(long campaign, String product, String income) {
        return new HashMap<>(Map.of("campaign", String.valueOf(campaign), "product", product, "income", income,
                "submission", UUID.randomUUID().toString()));
    }

    private Map<String, String> edit(String version, String income) {
        return Map.of("campaign", String.valueOf(campaign), "product", "", "income", income, "version", version);
    }
}

package countylive.account;

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

import static countylive.account.OtherCountyData.ANXI;
import static countylive.account.OtherCountyData.HEAD_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4: for every record type, reading and writing another county's record is refused. The
 * coordinator of Yingshan (421124) asks for Anxi's (350524) records with well-formed requests;
 * each answers 404 like a record that does not exist, shows nothing of the record, and the rows
 * read the same afterwards. The same requests from Anxi's own coordinator go through, so the
 * refusals come from the county check and not from a bad form. Association staff never see who
 * the households are.
 */
@MicronautTest(transactional = false)
class CrossCountyAccessTest {

    private static final String YINGSHAN = "421124";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private OtherCountyData anxi;
    private Browser yingshan;
    private long campaign;
    private long session;
    private long product;
    private long household;
    private long link;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        fixtures.coordinatorOf("anxi", ANXI);
        fixtures.association("staff");
        anxi = new OtherCountyData(fixtures);
        campaign = anxi.campaign("spring");
        product = anxi.product("spring");
        session = anxi.session("spring");
        household = anxi.household("spring");
        link = anxi.link("spring");
        yingshan = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    @Test
    void anotherCountysSessionIsNotFoundForReadingOrWriting() {
        String row = "SELECT CONCAT_WS('/', county_code, live_date, starts_at, views, version, updated_at) FROM live_session WHERE id = ?";
        String before = fixtures.value(row, session);
        String version = fixtures.value("SELECT version FROM live_session WHERE id = ?", session);
        assertRefusedWith404(
                yingshan.get("/sessions/" + session),
                yingshan.get("/sessions/" + session + "/edit"),
                yingshan.postMulti("/sessions/" + session, sessionEdit(version, "5000", ANXI)),
                yingshan.postMulti("/sessions/" + session, sessionEdit(version, "5000", YINGSHAN)),
                yingshan.post("/sessions/" + session + "/delete", Map.of()));
        assertEquals(before, fixtures.value(row, session));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));

        Browser own = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        Browser.Page saved = own.postMulti("/sessions/" + session, sessionEdit(version, "5000", ANXI));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("5000", fixtures.value("SELECT views FROM live_session WHERE id = ?", session));
    }

    @Test
    void anotherCountysSalesGridIsNotFoundForReadingOrWriting() {
        String lines = "SELECT CONCAT_WS('/', product_id, units, orders, gross, refunds, version) FROM sale_line WHERE session_id = ?";
        List<String> before = fixtures.column(lines, session);
        String version = fixtures.value("SELECT version FROM live_session WHERE id = ?", session);
        assertRefusedWith404(
                yingshan.get("/sessions/" + session + "/sales"),
                yingshan.postMulti("/sessions/" + session + "/sales", salesGrid("99", "99", "9900")));
        assertEquals(before, fixtures.column(lines, session));
        assertEquals(version, fixtures.value("SELECT version FROM live_session WHERE id = ?", session));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));

        Browser own = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        Browser.Page saved = own.postMulti("/sessions/" + session + "/sales", salesGrid("11", "9", "1320"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(List.of(product + "/11/9/1320.00/0.00/1"), fixtures.column(lines, session));
    }

    @Test
    void anotherCountysHouseholdIsNotFoundForReadingOrWriting() {
        String row = "SELECT CONCAT_WS('/', registration_no, county_code, village, head_name, members, version) FROM household WHERE id = ?";
        String before = fixtures.value(row, household);
        List<Browser.Page> pages = List.of(
                yingshan.get("/households/" + household),
                yingshan.get("/households/" + household + "/edit"),
                yingshan.post("/households/" + household, householdEdit("0", "2", ANXI)),
                yingshan.post("/households/" + household, householdEdit("0", "2", YINGSHAN)),
                yingshan.post("/households/" + household + "/delete", Map.of()));
        assertRefusedWith404(pages.toArray(Browser.Page[]::new));
        // the households' village: the search is not asked for what it would echo back
        Browser.Page list = yingshan.get("/households?q=" + java.net.URLEncoder.encode("石镇村", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, list.status());
        assertFalse(list.body().contains(HEAD_NAME) || list.body().contains(OtherCountyData.registrationNo("spring")),
                "not listed");
        assertEquals(before, fixtures.value(row, household));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));

        Browser own = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        Browser.Page saved = own.post("/households/" + household, householdEdit("0", "2", ANXI));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("2", fixtures.value("SELECT members FROM household WHERE id = ?", household));
    }

    @Test
    void anotherCountysBeneficiaryLinkIsNotFoundForReadingOrWriting() {
        String links = "SELECT CONCAT_WS('/', id, campaign_id, household_id, county_code, income, version) FROM beneficiary_link ORDER BY id";
        List<String> before = fixtures.column(links);
        assertRefusedWith404(
                yingshan.post("/households/" + household + "/links", linkForm(Map.of("submission", UUID.randomUUID().toString()))),
                yingshan.get("/beneficiary-links/" + link + "/edit"),
                yingshan.post("/beneficiary-links/" + link, linkForm(Map.of("version", "0"))),
                yingshan.post("/beneficiary-links/" + link + "/delete", Map.of()));
        assertEquals(before, fixtures.column(links));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));

        Browser own = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        Browser.Page saved = own.post("/beneficiary-links/" + link, linkForm(Map.of("version", "0")));
        assertEquals(303, saved.status(), saved.body());
        assertEquals("1500.00", fixtures.value("SELECT income FROM beneficiary_link WHERE id = ?", link));
    }

    @Test
    void aCampaignTheirCountiesDoNotTakePartInIsNotFoundNorItsSessionsImportAndExport() {
        String sessions = "SELECT CONCAT_WS('/', id, county_code, version) FROM live_session ORDER BY id";
        String lines = "SELECT CONCAT_WS('/', id, units, gross, version) FROM sale_line ORDER BY id";
        List<String> sessionsBefore = fixtures.column(sessions);
        List<String> linesBefore = fixtures.column(lines);
        String campaignRow = "SELECT CONCAT_WS('/', name, status, version) FROM campaign WHERE id = ?";
        String campaignBefore = fixtures.value(campaignRow, campaign);

        String base = "/campaigns/" + campaign;
        assertRefusedWith404(
                yingshan.get(base),
                yingshan.get(base + "/sessions"),
                yingshan.get(base + "/sessions/new"),
                yingshan.postMulti(base + "/sessions", sessionForm(ANXI)),
                yingshan.postMulti(base + "/sessions", sessionForm(YINGSHAN)),
                yingshan.get(base + "/import"),
                download(yingshan, base + "/import/template.xlsx?county=" + ANXI),
                download(yingshan, base + "/import/template.xlsx?county=" + YINGSHAN),
                Multipart.post(yingshan, server.getURI(), base + "/import", Map.of("csrf", yingshan.csrfToken(), "county", ANXI),
                        "sales.xlsx", importFile()),
                download(yingshan, base + "/sales.xlsx"));
        assertFalse(yingshan.get("/campaigns").body().contains("安溪铁观音专场"), "not listed");
        assertFalse(yingshan.get("/sessions").body().contains("安溪铁观音专场"), "not offered for entry");

        assertEquals(sessionsBefore, fixtures.column(sessions));
        assertEquals(linesBefore, fixtures.column(lines));
        assertEquals(campaignBefore, fixtures.value(campaignRow, campaign));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_import"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event WHERE username <> 'fixtures'"));

        Browser own = new Browser(server.getURI()).login("anxi", Fixtures.PASSWORD);
        assertEquals(200, own.get(base).status());
        assertEquals(200, download(own, base + "/sales.xlsx").status());
        assertEquals(200, download(own, base + "/import/template.xlsx?county=" + ANXI).status());
        List<Map.Entry<String, String>> theirForm = sessionForm(ANXI);
        Browser.Page created = own.postMulti(base + "/sessions", theirForm);
        assertEquals(303, created.status(), created.body());
        Browser.Page replayed = yingshan.postMulti(base + "/sessions", theirForm);
        assertEquals(404, replayed.status(), "a replay of their form does not lead to the session it made: "
                + replayed.location());
    }

    @Test
    void associationStaffNeverSeeHouseholdNamesOrRegistrationNumbers() {
        long ownHousehold = new countylive.livestream.EntryData(fixtures).household("4211240777", YINGSHAN, "张桂英");
        Browser staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        List<String> secrets = List.of(HEAD_NAME, OtherCountyData.registrationNo("spring"), "张桂英", "4211240777");

        Browser.Page list = staff.get("/households");
        assertEquals(200, list.status());
        Browser.Page search = staff.get("/households?sort=headName&q=" + java.net.URLEncoder.encode("石镇村", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, search.status());
        for (Browser.Page page : List.of(list, search)) {
            for (String secret : secrets) {
                assertFalse(page.body().contains(secret), "list shows " + secret);
            }
        }
        for (long id : List.of(household, ownHousehold)) {
            for (Browser.Page page : List.of(staff.get("/households/" + id), staff.get("/households/" + id + "/edit"))) {
                assertEquals(403, page.status());
                for (String secret : secrets) {
                    assertFalse(page.body().contains(secret), "refusal shows " + secret);
                }
            }
        }
        Browser.Page linkForm = staff.get("/beneficiary-links/" + link + "/edit");
        assertEquals(403, linkForm.status());
        assertFalse(linkForm.body().contains(HEAD_NAME));
        // what they may read about the campaign names no one either
        Browser.Page campaignPage = staff.get("/campaigns/" + campaign);
        assertEquals(200, campaignPage.status());
        for (String secret : secrets) {
            assertFalse(campaignPage.body().contains(secret), "campaign page shows " + secret);
        }
    }

    /** Every page answered 404 and none shows the records' tell-tale text. */
    private void assertRefusedWith404(Browser.Page... pages) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            Browser.Page page = pages[i];
            if (page.status() != 404) {
                problems.add("request " + (i + 1) + " answered " + page.status()
                        + (page.location() == null ? "" : " -> " + page.location()));
            }
            for (String text : List.of(HEAD_NAME, OtherCountyData.registrationNo("spring"), "安溪铁观音")) {
                if (page.body().contains(text)) {
                    problems.add("request " + (i + 1) + " shows " + text);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private Browser.Page download(Browser browser, String path) {
        return browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "*/*").GET());
    }

    private static List<Map.Entry<String, String>> sessionForm(String county) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("county", county),
                Map.entry("platform", "DOUYIN"), Map.entry("date", "2020-04-20"), Map.entry("start", "19:30"),
                Map.entry("end", "21:00"), Map.entry("submission", UUID.randomUUID().toString())));
        return form;
    }

    private static List<Map.Entry<String, String>> sessionEdit(String version, String views, String county) {
        return List.of(Map.entry("county", county), Map.entry("platform", "DOUYIN"), Map.entry("date", "2020-04-10"),
                Map.entry("start", "19:00"), Map.entry("end", "21:00"), Map.entry("views", views),
                Map.entry("version", version));
    }

    private List<Map.Entry<String, String>> salesGrid(String units, String orders, String gross) {
        return List.of(Map.entry("version", fixtures.value("SELECT version FROM live_session WHERE id = ?", session)), Map.entry("submission", UUID.randomUUID().toString()),
                Map.entry("product", String.valueOf(product)), Map.entry("units", units),
                Map.entry("orders", orders), Map.entry("gross", gross), Map.entry("refunds", ""));
    }

    private static Map<String, String> householdEdit(String version, String members, String county) {
        Map<String, String> form = new HashMap<>(Map.of("registrationNo", OtherCountyData.registrationNo("spring"),
                "county", county, "village", "西坪村", "headName", HEAD_NAME, "members", members));
        form.put("version", version);
        return form;
    }

    private Map<String, String> linkForm(Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("campaign", String.valueOf(campaign), "product", "",
                "income", "1500"));
        form.putAll(extra);
        return form;
    }

    /** Not a real workbook: the campaign check comes first, whatever is uploaded. */
    private static byte[] importFile() {
        return "PK not really a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

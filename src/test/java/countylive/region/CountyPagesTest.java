package countylive.region;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The county list and page, the poverty-county flag, and reading typed counties. */
@MicronautTest(transactional = false)
class CountyPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Counties counties;

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
    void listIsSearchableByNameOrCodeAndFilterableByProvince() {
        String byName = admin.get("/counties?q=%E8%8B%B1%E5%B1%B1").body(); // 英山
        assertTrue(byName.contains("421124") && byName.contains("湖北省"), byName);
        String byCode = admin.get("/counties?q=350524").body();
        assertTrue(byCode.contains("安溪县") && !byCode.contains("英山县"), byCode);
        String hubei = admin.get("/counties?province=420000&sort=code").body();
        assertTrue(hubei.contains("420102") && !hubei.contains("350524"), hubei);
        assertTrue(hubei.contains("province=420000") && hubei.contains("rel=\"next\""), "paging keeps the province");
        String yunnan = admin.get("/counties?province=530000&q=%E6%B1%9F%E5%9F%8E").body(); // 江城
        assertTrue(yunnan.contains("530826") && yunnan.contains("（1 条）"), yunnan);
        assertTrue(admin.get("/counties").body().contains("第 1 页，共 120 页（2978 条）"));
        String descending = admin.get("/counties?sort=code&dir=desc").body();
        assertTrue(descending.indexOf("659") > 0 && !descending.contains(">110101<"), "sorted by code descending");
        assertEquals(200, admin.get("/counties?province=nowhere&sort=nothing").status());
    }

    @Test
    void showPageHasProvincePrefectureAndFlag() {
        String page = admin.get("/counties/421124").body();
        assertTrue(page.contains("英山县") && page.contains("湖北省") && page.contains("黄冈市"), page);
        assertEquals(404, admin.get("/counties/999999").status());
        assertEquals(404, admin.get("/counties/abc").status());
    }

    @Test
    void adminSetsAndClearsThePovertyFlagWithHistory() {
        fixtures.execute("UPDATE county SET poverty_county = FALSE, poverty_exit_year = NULL WHERE code = '421124'");
        Browser.Page set = admin.post("/counties/421124/poverty",
                Map.of("poverty", "on", "version", version(admin.get("/counties/421124").body())));
        assertEquals(303, set.status(), set.body());
        assertEquals("/counties/421124?flash=saved", set.location());
        assertEquals("1", fixtures.value("SELECT poverty_county FROM county WHERE code = '421124'"));
        Browser.Page cleared = admin.post("/counties/421124/poverty",
                Map.of("version", version(admin.get("/counties/421124").body())));
        assertEquals(303, cleared.status());
        assertEquals("0", fixtures.value("SELECT poverty_county FROM county WHERE code = '421124'"));
        assertEquals(List.of("[\"false\",\"true\"]", "[\"true\",\"false\"]"), fixtures.column(
                "SELECT JSON_EXTRACT(changes, '$.povertyCounty') FROM audit_event "
                        + "WHERE entity_type = 'county' AND entity_id = '421124' ORDER BY id").stream()
                .map(s -> s.replace(" ", "")).toList());
        assertTrue(admin.get("/counties/421124").body().contains("root"), "history shows who");
    }

    @Test
    void staleFlagChangeIsRefused() {
        String version = version(admin.get("/counties/420526").body());
        assertEquals(303, admin.post("/counties/420526/poverty", Map.of("poverty", "on", "version", version)).status());
        Browser.Page stale = admin.post("/counties/420526/poverty", Map.of("version", version));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("已被他人修改"), stale.body());
        assertEquals("1", fixtures.value("SELECT poverty_county FROM county WHERE code = '420526'"));
    }

    @Test
    void othersReadButCannotSetTheFlag() {
        for (String user : List.of("staff", "yingshan")) {
            Browser browser = new Browser(server.getURI()).login(user, Fixtures.PASSWORD);
            assertEquals(200, browser.get("/counties").status());
            Browser.Page page = browser.get("/counties/421124");
            assertEquals(200, page.status());
            assertTrue(!page.body().contains("/poverty"), "no flag form for " + user);
            assertEquals(403, browser.post("/counties/421124/poverty", Map.of("poverty", "on", "version", "0")).status());
        }
        assertEquals("0", fixtures.value("SELECT poverty_county FROM county WHERE code = '421124'"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM audit_event"));
    }

    @Test
    void typedCountiesResolveByCodeOrUniqueName() {
        Counties.Resolution resolution = counties.resolve("421124，兴山县、 朝阳区 no-such 000000 421124");
        assertEquals(List.of("421124", "420526"), resolution.found().stream().map(CountyInfo::code).toList());
        assertEquals(List.of("no-such", "000000"), resolution.unknown());
        assertEquals(List.of("110105", "220104"), resolution.ambiguous().get("朝阳区").stream()
                .map(CountyInfo::code).toList());
        assertTrue(counties.resolve("  ").complete());
    }

    @Test
    void garbageFlagFormsNeverGiveAServerError() {
        for (String garbage : countylive.campaign.Garbage.VALUES) {
            int status = admin.post("/counties/530826/poverty", Map.of("poverty", garbage, "version", garbage)).status();
            assertTrue(status == 303 || status == 409, "flag gave " + status);
            if (garbage.length() > 1000) {
                continue; // too long for a URL: the server refuses it before the app sees it
            }
            int list = admin.get("/counties?q=" + java.net.URLEncoder.encode(garbage, java.nio.charset.StandardCharsets.UTF_8)
                    + "&province=" + java.net.URLEncoder.encode(garbage, java.nio.charset.StandardCharsets.UTF_8)).status();
            assertEquals(200, list, garbage);
        }
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    /** The 832 national poverty counties come from a migration, with the year each was lifted out of poverty. */
    @Test
    void theNationalPovertyCountiesAreShippedWithTheirExitYear() throws Exception {
        String sql = java.nio.file.Files.readString(java.nio.file.Path.of("migrations", "V14__poverty_counties.sql"));
        java.util.Map<String, Integer> perYear = new java.util.TreeMap<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        java.util.regex.Matcher update = java.util.regex.Pattern.compile(
                "poverty_exit_year = (\\d{4}) WHERE code IN \\((.*?)\\);", java.util.regex.Pattern.DOTALL).matcher(sql);
        while (update.find()) {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("'(\\d{6})'").matcher(update.group(2));
            while (code.find()) {
                assertTrue(codes.add(code.group(1)), "listed once: " + code.group(1));
                perYear.merge(update.group(1), 1, Integer::sum);
            }
        }
        assertEquals(832, codes.size());
        assertEquals(java.util.Map.of("2016", 28, "2017", 125, "2018", 282, "2019", 345, "2020", 52), perYear);
        assertTrue(codes.contains("540481") && codes.contains("540581") && codes.contains("632857"), "the three new codes");
        assertEquals(List.of(), fixtures.column("SELECT c FROM (SELECT '540481' AS c UNION SELECT '540581' UNION SELECT '632857') x"
                + " WHERE c NOT IN (SELECT code FROM county)"), "every code is a county of today");
        // a county no test changes, as the migration left it
        assertEquals("1 2018", fixtures.value("SELECT CONCAT_WS(' ', poverty_county, poverty_exit_year) FROM county WHERE code = '130125'"));
        assertTrue(admin.get("/counties/130125").body().contains("国家级贫困县，2018 年脱贫摘帽"));
    }

    @Test
    void anAdministratorCorrectsTheExitYear() {
        String page = admin.get("/counties/130126").body();
        Browser.Page bad = admin.post("/counties/130126/poverty", Map.of("poverty", "on", "exitYear", "19", "version", version(page)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("四位年份") && bad.body().contains("value=\"19\""), bad.body());
        Browser.Page saved = admin.post("/counties/130126/poverty", Map.of("poverty", "on", "exitYear", "2019", "version", version(page)));
        assertEquals(303, saved.status(), saved.body());
        assertTrue(admin.get("/counties/130126").body().contains("2019 年脱贫摘帽"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE entity_type = 'county' AND entity_id = '130126'")
                .contains("povertyExitYear"));
        admin.post("/counties/130126/poverty", Map.of("poverty", "on", "exitYear", "2018",
                "version", version(admin.get("/counties/130126").body())));
        assertEquals("2018", fixtures.value("SELECT poverty_exit_year FROM county WHERE code = '130126'"), "as shipped again");
    }
}

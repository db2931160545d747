package countylive.home;

import countylive.campaign.SignOffAction;
import countylive.integrity.IntegrityChecks;
import countylive.ledger.SignOffChange;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page is each role's work list, read in SQL and scoped like every other page. */
@MicronautTest(transactional = false)
class WorkListTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    IntegrityChecks checks;

    EntryData data;
    long tea;
    long host;
    long yingshanTea;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", EntryData.YINGSHAN);
        fixtures.association("staff");
        fixtures.admin("root");
        data = new EntryData(fixtures);
        tea = data.teaCampaign();
        host = data.host("李佳", "lijia");
        yingshanTea = data.product("英山云雾", EntryData.YINGSHAN, "100.00");
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @Test
    void coordinatorSeesTheSessionsOfTheirCountiesThatLackSalesOrAudience() {
        long bare = data.session(tea, EntryData.YINGSHAN, "2020-04-10", host);
        long complete = data.session(tea, EntryData.YINGSHAN, "2020-04-11", host);
        data.saleLine(complete, yingshanTea, 10, 10, "1000.00");
        fixtures.execute("UPDATE live_session SET views = 5000 WHERE id = ?", complete);
        long otherCounty = data.session(tea, EntryData.XINGSHAN, "2020-04-10", host);

        String home = coordinator().get("/").body();
        String awaitingSales = section(home, "awaiting-sales");
        String awaitingAudience = section(home, "awaiting-audience");
        assertTrue(awaitingSales.contains("data-session=\"" + bare + "\"")
                && awaitingSales.contains("href=\"/sessions/" + bare + "/sales\""), awaitingSales);
        assertTrue(awaitingSales.contains("未录入销售"), "marked plainly");
        assertFalse(awaitingSales.contains("data-session=\"" + complete + "\""), "a session with sales is done");
        assertTrue(awaitingAudience.contains("href=\"/sessions/" + bare + "/edit\""), awaitingAudience);
        assertFalse(awaitingAudience.contains("data-session=\"" + complete + "\""));
        assertFalse(home.contains("data-session=\"" + otherCounty + "\"") || home.contains("兴山县"),
                "another county's sessions and changes are not listed");
        String campaigns = section(home, "my-campaigns");
        assertTrue(campaigns.contains("县长来直播·春茶季") && campaigns.contains("2 场直播"), campaigns);
        String changes = section(home, "recent-changes");
        assertTrue(changes.contains("href=\"/sessions/" + complete + "/sales\"") && changes.contains("销售记录"), changes);

        // once the county's figures are submitted, nothing of it can be entered: no longer work
        fixtures.ledger().signOff(Fixtures.LOADER, new SignOffChange(tea, SignOffAction.SUBMIT, Set.of(EntryData.YINGSHAN), null));
        String submitted = coordinator().get("/").body();
        assertFalse(section(submitted, "awaiting-sales").contains("data-session=\"" + bare + "\""));
        assertTrue(section(submitted, "awaiting-sales").contains("没有待录入的场次"));
    }

    @Test
    void associationSeesTheCampaignsRunningNowAndWhatChangedSinceYesterday() {
        LocalDate today = LocalDate.now();
        long running = data.campaign("夏季助农直播周", today.minusDays(5).toString(), today.plusDays(5).toString(), "ACTIVE");
        data.county(running, EntryData.YINGSHAN);
        long yesterday = data.session(running, EntryData.YINGSHAN, today.minusDays(1).toString(), host);
        data.saleLine(yesterday, yingshanTea, 30, 28, "3000.00");
        long earlier = data.session(tea, EntryData.YINGSHAN, "2020-04-10", host);
        data.saleLine(earlier, yingshanTea, 10, 10, "1000.00");

        Browser.Page page = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD).get("/");
        assertEquals(200, page.status());
        String list = section(page.body(), "running");
        assertTrue(list.contains("data-campaign=\"" + running + "\"") && list.contains("夏季助农直播周"), list);
        assertFalse(list.contains("data-campaign=\"" + tea + "\""), "a campaign of 2020 is not running now");
        assertTrue(list.contains("¥3,000.00"), "headline gross: " + list);
        assertTrue(list.contains("举行直播 1 场，成交 ¥3,000.00") && list.contains("新录入场次 1 个")
                && list.contains("1 个场次录入或修改了销售"), list);
        assertTrue(list.contains("共 1 个县，已提交 0 个，已审核 0 个"), list);
    }

    @Test
    void administratorSeesCampaignsToSetUpAccountsAndTheIntegrityWarnings() {
        data.campaign("秋季助农直播（筹备）", "2030-09-01", "2030-09-30", "PLANNED");
        for (String[] day : new String[][] {{"2020-04-10", "100.00"}, {"2020-04-11", "100.00"}, {"2020-04-12", "100.00"},
                {"2020-04-13", "5000.00"}}) {
            data.saleLine(data.session(tea, EntryData.YINGSHAN, day[0], host), yingshanTea, 1, 1, day[1]);
        }
        String outsized = fixtures.value("SELECT session_id FROM sale_line WHERE gross = 5000.00");
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);

        String before = admin.get("/").body();
        assertTrue(section(before, "integrity-warnings").contains("数据检查还没有运行过"), "says the checks never ran");
        String toSetUp = section(before, "to-set-up");
        assertTrue(toSetUp.contains("秋季助农直播（筹备）") && toSetUp.contains("还没有参加的县")
                && toSetUp.contains("还没有合作单位"), toSetUp);
        String accounts = section(before, "accounts");
        assertTrue(accounts.contains("县级协调员") && accounts.contains("启用 1 个，停用 0 个"), accounts);

        checks.runAll("scheduled");
        String warnings = section(admin.get("/").body(), "integrity-warnings");
        assertTrue(warnings.contains("id=\"warning-outsizedSession\""), warnings);
        assertTrue(warnings.contains("href=\"/sessions/" + outsized + "/sales\""), "links to the session: " + warnings);
        assertTrue(warnings.contains("本县中位数 100.00 元"), warnings);
    }

    @Test
    void eachRoleReadsTheirListInEnglishToo() {
        data.session(tea, EntryData.YINGSHAN, "2020-04-10", host);
        String coordinator = new Browser(server.getURI()).language("en").login("yingshan", Fixtures.PASSWORD).get("/").body();
        assertTrue(coordinator.contains("Sessions awaiting their sales") && coordinator.contains("No sales entered"));
        String staff = new Browser(server.getURI()).language("en").login("staff", Fixtures.PASSWORD).get("/").body();
        assertTrue(staff.contains("No campaign is running today."), staff);
        String admin = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD).get("/").body();
        assertTrue(admin.contains("Campaigns to set up") && admin.contains("past its end date, still open"), admin);
    }

    private Browser coordinator() {
        return new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
    }

    /** The HTML of the home page's section with this id, up to the next section. */
    private static String section(String body, String id) {
        Matcher m = Pattern.compile("<section class=\"work\" id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(body);
        assertTrue(m.find(), "section " + id + " in " + body);
        return m.group(1);
    }
}

package countylive.integrity;

import countylive.host.Platform;
import countylive.ledger.SessionDraft;
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
import java.time.LocalDateTime;
import java.util.Set;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each integrity check finds the records that break it, links to them, and leaves alone those
 * that do not. Data the application would not write is made the way it happens in real life:
 * with SQL outside the application.
 */
@MicronautTest(transactional = false)
class IntegrityChecksTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private EntryData data;
    private long campaign;
    private long tea;
    private Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        fixtures.coordinatorOf("xingshan", XINGSHAN);
        fixtures.admin("root");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @Test
    void sessionsWithoutSalesADayAfterTheirEnd() {
        long sold = data.session(campaign, YINGSHAN, "2020-04-10");
        data.saleLine(sold, tea, 10, 10, "1000.00");
        long unsold = data.session(campaign, YINGSHAN, "2020-04-11");
        // a session of today has not ended a day ago: its coordinator still has time
        long today = todaysCampaignSession();

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(1, page.found("sessionsWithoutSales"));
        String section = page.section("sessionsWithoutSales");
        assertTrue(section.contains("href=\"/sessions/" + unsold + "/sales\""), section);
        assertFalse(section.contains("/sessions/" + sold + "/") || section.contains("/sessions/" + today + "/"), section);
        assertTrue(section.contains("请该县协调员补录"), "says what to do: " + section);
    }

    @Test
    void sessionsWithoutAudienceFigures() {
        long without = data.session(campaign, YINGSHAN, "2020-04-10");
        LocalDate day = LocalDate.parse("2020-04-11");
        long with = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, YINGSHAN, Platform.DOUYIN,
                day.atTime(19, 0), day.atTime(21, 0), 52_000L, null, null, null, Set.of(), Set.of(), null), null);

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(1, page.found("sessionsWithoutAudience"));
        String section = page.section("sessionsWithoutAudience");
        assertTrue(section.contains("href=\"/sessions/" + without + "/edit\""), section);
        assertFalse(section.contains("/sessions/" + with + "/"), section);
    }

    @Test
    void unitPricesFarFromTheReferencePrice() {
        long near = data.session(campaign, YINGSHAN, "2020-04-10");
        data.saleLine(near, tea, 10, 10, "1200.00");
        long cheap = data.session(campaign, YINGSHAN, "2020-04-11");
        data.saleLine(cheap, tea, 1000, 10, "1000.00");
        long dear = data.session(campaign, YINGSHAN, "2020-04-12");
        data.saleLine(dear, tea, 10, 10, "100000.00");
        // exactly a fifth of the reference is what the grid still accepts without a warning
        long fifth = data.session(campaign, YINGSHAN, "2020-04-13");
        data.saleLine(fifth, tea, 100, 10, "2000.00");

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(2, page.found("priceFarFromReference"));
        String section = page.section("priceFarFromReference");
        assertTrue(section.contains("/sessions/" + cheap + "/sales") && section.contains("/sessions/" + dear + "/sales"), section);
        assertFalse(section.contains("/sessions/" + near + "/") || section.contains("/sessions/" + fifth + "/"), section);
        assertTrue(section.contains("单价 10000.00 元，参考价 100.00 元"), section);
    }

    @Test
    void moreOrdersThanUnits() {
        long fine = data.session(campaign, YINGSHAN, "2020-04-10");
        data.saleLine(fine, tea, 10, 10, "1000.00");
        long odd = data.session(campaign, YINGSHAN, "2020-04-11");
        data.saleLine(odd, tea, 10, 12, "1000.00");

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(1, page.found("ordersAboveUnits"));
        String section = page.section("ordersAboveUnits");
        assertTrue(section.contains("/sessions/" + odd + "/sales") && section.contains("12 笔订单，但只有 10 件"), section);
        assertFalse(section.contains("/sessions/" + fine + "/"), section);
    }

    @Test
    void aSessionSellingMoreThanTenTimesItsCountysMedian() {
        long honey = data.product("英山蜂蜜", YINGSHAN, null);
        long[] usual = {sellOf(honey, YINGSHAN, "2020-04-10", "1000.00"), sellOf(honey, YINGSHAN, "2020-04-11", "1200.00"),
                sellOf(honey, YINGSHAN, "2020-04-12", "1100.00")};
        long outsized = sellOf(honey, YINGSHAN, "2020-04-13", "13000.00");
        // the median of the five is 1200: ten times that is 12000, which 11000 stays below
        long large = sellOf(honey, YINGSHAN, "2020-04-14", "11000.00");
        // a county with two sessions has no median to speak of
        long xingshanTea = data.product("兴山白茶", XINGSHAN, null);
        long small = sellOf(xingshanTea, XINGSHAN, "2020-04-10", "10.00");
        long big = sellOf(xingshanTea, XINGSHAN, "2020-04-11", "90000.00");

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(1, page.found("outsizedSession"), page.section("outsizedSession"));
        String section = page.section("outsizedSession");
        assertTrue(section.contains("/sessions/" + outsized + "/sales") && section.contains("本县中位数 1200.00 元"), section);
        for (long other : new long[] {usual[0], usual[1], usual[2], large, small, big}) {
            assertFalse(section.contains("/sessions/" + other + "/"), other + ": " + section);
        }
    }

    @Test
    void householdsLinkedToACampaignOfAnotherCounty() {
        long household = data.household("4211240001", YINGSHAN, "石秀兰");
        data.link(campaign, household, YINGSHAN, "300.00");
        long other = data.household("4211240002", YINGSHAN, "王大山");
        data.link(campaign, other, YINGSHAN, "200.00");
        assertEquals(0, CheckPage.runAs(admin).found("linkedOutsideCounty"));

        // moved to another county outside the application; its link stayed with Yingshan
        fixtures.execute("UPDATE household SET county_code = ? WHERE id = ?", XINGSHAN, household);
        CheckPage page = CheckPage.runAs(admin);
        assertEquals(1, page.found("linkedOutsideCounty"));
        String section = page.section("linkedOutsideCounty");
        assertTrue(section.contains("href=\"/households/" + household + "\"") && section.contains("4211240001"), section);
        assertFalse(section.contains("/households/" + other + "\""), section);
        assertFalse(section.contains("石秀兰"), "no household's name: " + section);
        assertTrue(section.contains("data-severity=\"ERROR\""), section);
    }

    @Test
    void registrationNumbersThatDifferOnlyByCaseWidthOrSpaces() {
        long plain = data.household("HB4211240001", YINGSHAN, "石秀兰");
        long spaced = data.household("HB 4211240001", YINGSHAN, "石秀兰");
        // the database itself takes case and width as equal (utf8mb4_unicode_ci), so these differ in spaces too
        long wide = data.household("ｈｂ４２１１２４ ０００１", YINGSHAN, "石秀兰");
        long different = data.household("HB4211240002", YINGSHAN, "王大山");

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(3, page.found("lookalikeRegistrations"), page.section("lookalikeRegistrations"));
        String section = page.section("lookalikeRegistrations");
        for (long household : new long[] {plain, spaced, wide}) {
            assertTrue(section.contains("href=\"/households/" + household + "\""), household + ": " + section);
        }
        assertFalse(section.contains("/households/" + different + "\""), section);
        assertFalse(section.contains("石秀兰"), "no household's name: " + section);
    }

    @Test
    void countiesOfAnOpenCampaignWithoutAnEnabledCoordinator() {
        assertEquals(0, CheckPage.runAs(admin).found("countiesWithoutCoordinator"));

        fixtures.execute("UPDATE app_user SET enabled = FALSE WHERE username = 'xingshan'");
        long closed = data.campaign("往年活动", "2019-04-01", "2019-05-01", "CLOSED");
        data.county(closed, "420527");
        CheckPage page = CheckPage.runAs(admin);
        assertEquals(1, page.found("countiesWithoutCoordinator"));
        String section = page.section("countiesWithoutCoordinator");
        assertTrue(section.contains("href=\"/counties/" + XINGSHAN + "\"") && section.contains("兴山县"), section);
        assertFalse(section.contains("/counties/" + YINGSHAN) || section.contains("/counties/420527"), section);
    }

    @Test
    void enabledAccountsWithoutALoginFor90Days() {
        fixtures.execute("UPDATE app_user SET last_login_at = NOW() - INTERVAL 91 DAY WHERE username = 'xingshan'");
        fixtures.execute("UPDATE app_user SET last_login_at = NOW() - INTERVAL 89 DAY WHERE username = 'yingshan'");
        long neverUsed = fixtures.association("staff");
        fixtures.execute("UPDATE app_user SET created_at = NOW() - INTERVAL 100 DAY WHERE id = ?", neverUsed);
        long disabled = fixtures.association("gone");
        fixtures.execute("UPDATE app_user SET created_at = NOW() - INTERVAL 100 DAY, enabled = FALSE WHERE id = ?", disabled);

        CheckPage page = CheckPage.runAs(admin);
        assertEquals(2, page.found("dormantAccounts"), page.section("dormantAccounts"));
        String section = page.section("dormantAccounts");
        String xingshan = fixtures.value("SELECT id FROM app_user WHERE username = 'xingshan'");
        assertTrue(section.contains("href=\"/accounts/" + xingshan + "\"") && section.contains("href=\"/accounts/" + neverUsed + "\""),
                section);
        assertTrue(section.contains("staff（ASSOCIATION），上次登录：-"), section);
        assertFalse(section.contains("yingshan") || section.contains("/accounts/" + disabled + "\""), section);
    }

    @Test
    void aLoginIsNotedOnTheAccount() {
        fixtures.execute("UPDATE app_user SET last_login_at = NULL, created_at = NOW() - INTERVAL 100 DAY WHERE username = 'yingshan'");
        new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM app_user WHERE username = 'yingshan'"
                + " AND last_login_at > NOW() - INTERVAL 1 MINUTE"));
        assertFalse(CheckPage.runAs(admin).section("dormantAccounts").contains("yingshan"));
    }

    private long sellOf(long product, String county, String day, String gross) {
        long session = data.session(campaign, county, day);
        // one unit of a product without a reference price: only the gross matters here
        data.saleLine(session, product, 1, 1, gross);
        return session;
    }

    /** A session of a campaign running today, that began an hour ago and is over. */
    private long todaysCampaignSession() {
        LocalDate today = LocalDate.now();
        long running = data.campaign("今日直播", today.minusDays(1).toString(), today.plusDays(1).toString(), "ACTIVE");
        data.county(running, YINGSHAN);
        LocalDateTime start = LocalDateTime.now().withNano(0).minusHours(3);
        if (!start.toLocalDate().equals(today)) {
            start = today.atStartOfDay();
        }
        return fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(running, YINGSHAN, Platform.DOUYIN,
                start, start.plusMinutes(30), null, null, null, null, Set.of(), Set.of(), null), null);
    }
}

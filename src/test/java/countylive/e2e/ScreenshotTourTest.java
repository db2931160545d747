package countylive.e2e;

import countylive.host.Platform;
import countylive.ledger.HouseholdDraft;
import countylive.ledger.LineFigures;
import countylive.ledger.LinkDraft;
import countylive.ledger.SessionDraft;
import countylive.livestream.EntryData;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Walks the main pages in both languages, at desktop and phone width, saving a screenshot of
 * each under target/screenshots/ for people to look at, and checking on the way that no page
 * is wider than the screen and none shows a message key instead of a text.
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class ScreenshotTourTest {

    static final Path FOLDER = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    countylive.integrity.IntegrityChecks checks;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        TourData.load(fixtures);
    }

    @Test
    void mainPagesInBothLanguages() throws IOException {
        tour("root", TourData.pages(fixtures));
    }

    /**
     * Each role's home page, with work to show: a session of Xingshan awaiting its sales and audience
     * figures, a campaign running today, the integrity checks run; and the grid as a coordinator fills it.
     */
    @Test
    void homePageOfEachRoleAndTheCoordinatorsGrid() throws IOException {
        fixtures.coordinatorOf("xingshan", "420526");
        fixtures.association("staff");
        long campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        long host = Long.parseLong(fixtures.value("SELECT id FROM host"));
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) "
                + "VALUES ('兴山香菇 500克', '农特产品', '袋', 39.90, '420526', NOW(), NOW())");
        long waiting = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, "420526", Platform.DOUYIN,
                LocalDateTime.parse("2020-04-12T20:00"), LocalDateTime.parse("2020-04-13T00:30"), null, null, null, null,
                Set.of(host), Set.of(), null), null);
        java.time.LocalDate today = java.time.LocalDate.now();
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) VALUES "
                + "('鄂西夏季助农直播周', ?, ?, 'ACTIVE', NOW(), NOW())", today.minusDays(3), today.plusDays(4));
        long running = Long.parseLong(fixtures.value("SELECT id FROM campaign WHERE name = '鄂西夏季助农直播周'"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '420526')", running);
        long yesterday = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(running, "420526", Platform.DOUYIN,
                today.minusDays(1).atTime(19, 0), today.minusDays(1).atTime(21, 0), 48_000L, 30_100L, 2_100L, null,
                Set.of(host), Set.of(), null), null);
        new EntryData(fixtures).sell(yesterday, Long.parseLong(fixtures.value("SELECT id FROM product WHERE county_code = '420526'")),
                new LineFigures(1_200, 1_100, new BigDecimal("47880.00"), BigDecimal.ZERO.setScale(2)));
        checks.runAll("scheduled");

        tour("xingshan", Map.of("home-coordinator", "/", "sales-grid-coordinator", "/sessions/" + waiting + "/sales"));
        tour("staff", Map.of("home-association", "/", "forbidden-association", "/households/1"));
        tour("xingshan", Map.of("forbidden-coordinator", "/accounts"));
        tour("root", Map.of("home-admin", "/"));
    }

    /** The pages as this user, in both languages, at desktop and phone width. */
    private void tour(String username, Map<String, String> pages) throws IOException {
        Files.createDirectories(FOLDER);
        for (String language : new String[]{"zh-CN", "en"}) {
            for (int width : new int[]{1280, 360}) {
                WebDriver browser = Journeys.loggedIn(server.getURI(), username, width, width > 500 ? 900 : 740);
                browser.manage().addCookie(new Cookie("locale", language));
                for (var page : pages.entrySet()) {
                    browser.get(server.getURI() + page.getValue());
                    String name = page.getKey() + "-" + language + "-" + width;
                    Files.write(FOLDER.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    String html = browser.getPageSource();
                    assertFalse(html.contains("??"), name + " shows a missing message key");
                    assertEquals(0L, Journeys.horizontalOverflow(browser), name + " is wider than the screen");
                    assertFalse(browser.findElements(By.tagName("h1")).isEmpty(), name + " has a heading");
                }
                BrowserJourney.closeAll();
            }
        }
    }

    /** A small campaign with a session, sales and a household, for the tour. */
    static final class TourData {

        private TourData() {
        }

        static void load(Fixtures fixtures) {
            fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES ('抖音', 'PLATFORM', NOW(), NOW())");
            fixtures.execute("INSERT INTO campaign (name, theme, starts_on, ends_on, status, target_gross, target_people, "
                    + "created_at, updated_at) VALUES ('县长来直播·春茶季', '茶叶', '2020-04-02', '2020-05-24', 'ACTIVE', "
                    + "40000000.00, 10000, NOW(), NOW())");
            fixtures.execute("INSERT INTO campaign_partner SELECT c.id, p.id FROM campaign c, partner p");
            fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) SELECT id, '421124' FROM campaign");
            fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) SELECT id, '420526' FROM campaign");
            fixtures.execute("INSERT INTO host (name, platform, handle, followers, created_at, updated_at) VALUES "
                    + "('李佳', 'DOUYIN', 'lijia', 12000000, NOW(), NOW())");
            fixtures.execute("INSERT INTO official (name, title, county_code, created_at, updated_at) "
                    + "VALUES ('陈明', '县长', '421124', NOW(), NOW())");
            fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, producer, created_at, updated_at) "
                    + "VALUES ('英山云雾茶 250克礼盒装', '茶叶', '盒', 128.00, '421124', '英山县茶叶专业合作社', NOW(), NOW())");
            // sessions, sales and households as the application writes them: through the ledger
            long campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
            long session = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, "421124",
                    Platform.DOUYIN, LocalDateTime.parse("2020-04-10T19:00"), LocalDateTime.parse("2020-04-10T21:30"),
                    152300L, null, 8800L, null, Set.of(Long.parseLong(fixtures.value("SELECT id FROM host"))),
                    Set.of(Long.parseLong(fixtures.value("SELECT id FROM official"))), null), null);
            long product = Long.parseLong(fixtures.value("SELECT id FROM product"));
            new EntryData(fixtures).sell(session, product, new LineFigures(3120, 2980, new BigDecimal("399360.00"),
                    new BigDecimal("2560.00")));
            // a late session past midnight with no sales yet: the session list marks both
            fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, "421124",
                    Platform.DOUYIN, LocalDateTime.parse("2020-04-12T22:00"), LocalDateTime.parse("2020-04-13T00:30"),
                    9800L, null, 640L, null, Set.of(Long.parseLong(fixtures.value("SELECT id FROM host"))),
                    Set.of(), null), null);
            long household = fixtures.ledger().createHousehold(Fixtures.LOADER,
                    new HouseholdDraft("4211240012345", "421124", "陶家河村", "王大山", 4), null);
            fixtures.ledger().createLink(Fixtures.LOADER, household, new LinkDraft(campaign, product,
                    new BigDecimal("3200.00")), null);
            // one county submitted, the other still entering: the sign-off page shows both
            fixtures.ledger().signOff(Fixtures.LOADER, new countylive.ledger.SignOffChange(campaign,
                    countylive.campaign.SignOffAction.SUBMIT, Set.of("421124"), null));
        }

        static Map<String, String> pages(Fixtures fixtures) {
            String campaign = fixtures.value("SELECT id FROM campaign");
            String session = fixtures.value("SELECT MIN(id) FROM live_session");
            String household = fixtures.value("SELECT id FROM household");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "/");
            pages.put("campaigns", "/campaigns");
            pages.put("campaign", "/campaigns/" + campaign);
            pages.put("campaign-form", "/campaigns/" + campaign + "/edit");
            pages.put("sessions", "/campaigns/" + campaign + "/sessions");
            pages.put("session", "/sessions/" + session);
            pages.put("session-form", "/sessions/" + session + "/edit");
            pages.put("sales-grid", "/sessions/" + session + "/sales");
            pages.put("households", "/households");
            pages.put("household", "/households/" + household);
            pages.put("counties", "/counties?province=420000");
            pages.put("products", "/products");
            pages.put("import", "/campaigns/" + campaign + "/import");
            pages.put("sign-off", "/campaigns/" + campaign + "/sign-off");
            pages.put("summary", "/campaigns/" + campaign + "/summary");
            pages.put("overview", "/summaries");
            pages.put("overview-people", "/summaries?map=people");
            pages.put("lines", "/lines?campaign=" + campaign + "&county=421124");
            pages.put("lines-sessions", "/lines?campaign=" + campaign + "&view=sessions");
            pages.put("lines-households", "/lines/households?campaign=" + campaign);
            pages.put("county", "/counties/421124");
            pages.put("host", "/hosts/" + fixtures.value("SELECT id FROM host"));
            pages.put("accounts", "/accounts");
            pages.put("audit", "/audit");
            pages.put("integrity", "/integrity");
            return pages;
        }
    }
}

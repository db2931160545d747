package countylive.e2e;

import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

import static countylive.e2e.Journeys.clickAndWait;
import static countylive.e2e.Journeys.setValue;
import static countylive.e2e.Journeys.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A coordinator enters a livestream session and its sales, the way they would in a browser. */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class CoordinatorJourneyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.coordinatorOf("xingshan", "420526");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶助农直播', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124'), (?, '420526')", campaign, campaign);
        fixtures.execute("INSERT INTO host (name, platform, handle, created_at, updated_at) VALUES "
                + "('李佳', 'DOUYIN', 'lijia', NOW(), NOW()), ('王芳', 'DOUYIN', 'wangfang', NOW(), NOW()), "
                + "('张伟', 'KUAISHOU', 'zhangwei', NOW(), NOW())");
        fixtures.execute("INSERT INTO official (name, title, county_code, created_at, updated_at) "
                + "VALUES ('陈县长', '县长', '421124', NOW(), NOW())");
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), ('英山毛尖', '茶', '盒', 50.00, '421124', NOW(), NOW())");
    }

    @Test
    void coordinatorEntersASessionAndItsSalesAndAnotherCoordinatorIsRefused() {
        entersASessionAndItsSales(1280);
    }

    /** The same journey on a phone: the session form, then the grid as cards with its save bar. */
    @Test
    void coordinatorEntersASessionAndItsSalesOnAPhone() {
        entersASessionAndItsSales(360);
    }

    private void entersASessionAndItsSales(int width) {
        WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", width, width > 500 ? 900 : 740);
        browser.get(server.getURI() + "/sessions");
        clickAndWait(browser, browser.findElement(By.linkText("春茶助农直播")));
        clickAndWait(browser, browser.findElement(By.cssSelector("a[href$='/sessions/new']")));

        setValue(browser, browser.findElement(By.id("date")), "2020-04-10");
        setValue(browser, browser.findElement(By.id("start")), "19:00");
        setValue(browser, browser.findElement(By.id("end")), "21:30");
        for (WebElement host : browser.findElements(By.cssSelector("input[name=hosts]"))) {
            if (!host.getAttribute("value").equals(fixtures.value("SELECT id FROM host WHERE name = '张伟'"))) {
                host.click();
            }
        }
        browser.findElement(By.cssSelector("input[name=officials]")).click();
        type(browser.findElement(By.id("views")), "120,000");
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));

        String session = fixtures.value("SELECT id FROM live_session");
        assertTrue(browser.getCurrentUrl().contains("/sessions/" + session), browser.getCurrentUrl());
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM live_session_host WHERE session_id = ?", session));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session_official WHERE session_id = ?", session));
        assertEquals("120000", fixtures.value("SELECT views FROM live_session WHERE id = ?", session));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("已创建"));

        clickAndWait(browser, browser.findElement(By.cssSelector("a[href$='/sessions/" + session + "/sales']")));
        List<WebElement> units = browser.findElements(By.cssSelector("input[name=units]"));
        List<WebElement> orders = browser.findElements(By.cssSelector("input[name=orders]"));
        List<WebElement> gross = browser.findElements(By.cssSelector("input[name=gross]"));
        type(units.get(0), "100");
        type(orders.get(0), "90");
        type(gross.get(0), "9999.505");  // one digit too many: validation must catch it
        type(units.get(1), "20");
        type(orders.get(1), "20");
        type(gross.get(1), "1,000");
        clickAndWait(browser, browser.findElement(By.cssSelector("form button.primary")));

        assertTrue(browser.getPageSource().contains("金额最多两位小数"), "the typo is caught");
        assertEquals("9999.505", browser.findElements(By.cssSelector("input[name=gross]")).get(0).getAttribute("value"),
                "what was typed is still there");
        assertEquals("20", browser.findElements(By.cssSelector("input[name=units]")).get(1).getAttribute("value"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"), "nothing saved");

        type(browser.findElements(By.cssSelector("input[name=gross]")).get(0), "9999.50");
        clickAndWait(browser, browser.findElement(By.cssSelector("form button.primary")));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("已保存"));
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("10999.50", fixtures.value("SELECT SUM(gross) FROM sale_line"));

        browser.get(server.getURI() + "/campaigns/" + campaign + "/summary");
        assertEquals("¥10,999.50", browser.findElement(By.id("fig-gross")).getText(), "the summary shows the new sales");
        assertEquals("120", browser.findElement(By.id("fig-units")).getText());
        assertEquals("120,000", browser.findElement(By.id("fig-views")).getText());
        assertTrue(browser.findElement(By.cssSelector("tr[data-county='421124']")).getAttribute("class").contains("mine"),
                "the coordinator's own county is highlighted");

        WebDriver other = Journeys.loggedIn(server.getURI(), "xingshan", 1280, 900);
        other.get(server.getURI() + "/sessions/" + session);
        assertEquals("页面不存在", other.findElement(By.tagName("h1")).getText());
        other.get(server.getURI() + "/sessions/" + session + "/sales");
        assertEquals("页面不存在", other.findElement(By.tagName("h1")).getText());
    }

    /** Every host of the session form and every other county's product in the grid narrow as one types. */
    @Test
    void longListsNarrowAsOneTypesAndKeepWhatIsChosen() {
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('兴山香菇', '菌', '袋', 30.00, '420526', NOW(), NOW()), ('兴山蜂蜜', '蜜', '瓶', 60.00, '420526', NOW(), NOW())");
        WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", 1280, 900);
        browser.get(server.getURI() + "/campaigns/" + campaign + "/sessions/new");
        WebElement hostFilter = browser.findElement(By.cssSelector("#hosts input.list-filter"));
        browser.findElement(By.xpath("//label[contains(., '李佳')]/input")).click();
        type(hostFilter, "张");
        assertTrue(browser.findElement(By.xpath("//label[contains(., '张伟')]")).isDisplayed());
        assertEquals(false, browser.findElement(By.xpath("//label[contains(., '王芳')]")).isDisplayed(), "narrowed away");
        assertTrue(browser.findElement(By.xpath("//label[contains(., '李佳')]")).isDisplayed(), "a chosen host stays");
        type(hostFilter, "\n");
        assertTrue(browser.getCurrentUrl().endsWith("/sessions/new"), "Enter in the filter sends nothing");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM live_session"));

        long session = fixtures.ledger().createSession(Fixtures.LOADER, new countylive.ledger.SessionDraft(campaign, "421124",
                countylive.host.Platform.DOUYIN, java.time.LocalDateTime.parse("2020-04-10T19:00"),
                java.time.LocalDateTime.parse("2020-04-10T21:00"), null, null, null, null,
                java.util.Set.of(Long.parseLong(fixtures.value("SELECT id FROM host WHERE name = '李佳'"))),
                java.util.Set.of(), null), null);
        browser.get(server.getURI() + "/sessions/" + session + "/sales");
        browser.findElement(By.cssSelector("details.add-row summary")).click();
        WebElement productFilter = browser.findElement(By.cssSelector("input.list-filter"));
        type(productFilter, "香菇");
        for (WebElement option : browser.findElements(By.cssSelector("#addProduct option"))) {
            boolean hidden = Boolean.parseBoolean(option.getDomProperty("hidden"));
            String text = option.getText();
            assertEquals(!(option.getAttribute("value").isEmpty() || option.getDomProperty("textContent").contains("香菇")),
                    hidden, "option " + text);
        }
    }

    @Test
    void sessionFormIsUsableOnAPhone() {
        WebDriver phone = Journeys.loggedIn(server.getURI(), "yingshan", 360, 740);
        phone.get(server.getURI() + "/campaigns/" + campaign + "/sessions/new");
        assertEquals(0L, Journeys.horizontalOverflow(phone), "nothing spills over at 360 px");
        WebElement save = phone.findElement(By.cssSelector("form.record button[type=submit]"));
        assertTrue(save.isDisplayed());
        assertTrue(save.getRect().getX() + save.getRect().getWidth() <= 360, "the save button is within the screen");
        for (WebElement input : phone.findElements(By.cssSelector("form.record input[type=text], form.record select"))) {
            assertTrue(input.getRect().getX() + input.getRect().getWidth() <= 360, "field within the screen: " + input.getAttribute("name"));
        }
    }
}

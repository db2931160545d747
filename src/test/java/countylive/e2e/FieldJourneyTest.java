package countylive.e2e;

import countylive.livestream.EntryData;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;

import static countylive.e2e.Journeys.clickAndWait;
import static countylive.e2e.Journeys.setValue;
import static countylive.e2e.Journeys.type;
import static countylive.e2e.Journeys.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator in the field: the sales grid filled on a phone, with its running totals and its
 * validation round trip, and a connection that drops as the grid or the session form is sent.
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class FieldJourneyTest {

    static final int PHONE_WIDTH = 360;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;
    long session;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", EntryData.YINGSHAN);
        EntryData data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        long host = data.host("李佳", "lijia");
        data.product("英山云雾", EntryData.YINGSHAN, "100.00");
        data.product("英山毛尖", EntryData.YINGSHAN, "50.00");
        session = data.session(campaign, EntryData.YINGSHAN, "2020-04-10", host);
    }

    @Test
    void salesGridIsFilledOnAPhone() {
        WebDriver phone = Journeys.loggedIn(server.getURI(), "yingshan", PHONE_WIDTH, 740);
        phone.get(server.getURI() + "/sessions/" + session + "/sales");
        assertEquals(0L, Journeys.horizontalOverflow(phone), "nothing spills over at 360 px");
        assertFalse(phone.findElement(By.cssSelector(".grid-table thead")).isDisplayed(), "cards, not a table");
        for (WebElement input : phone.findElements(By.cssSelector("form.sales-grid td input[type=text]"))) {
            assertTrue(input.isDisplayed() && input.getRect().getX() + input.getRect().getWidth() <= PHONE_WIDTH,
                    "every field on screen: " + input.getAttribute("id"));
        }
        WebElement label = phone.findElement(By.cssSelector("label[for='" + units(phone).get(0).getAttribute("id") + "']"));
        assertTrue(label.isDisplayed(), "each field says what it is");
        assertEquals("成交件数", label.getText());

        type(units(phone).get(0), "１２0");  // full-width digits from a Chinese input method
        type(field(phone, "orders").get(0), "100");
        type(field(phone, "gross").get(0), "12,000.5");
        type(units(phone).get(1), "40");
        type(field(phone, "orders").get(1), "40");
        type(field(phone, "gross").get(1), "2000.505");  // one digit too many
        WebElement bar = phone.findElement(By.cssSelector(".save-bar"));
        assertTrue((Boolean) ((JavascriptExecutor) phone).executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", bar), "the save bar stays on screen while typing");
        assertEquals("160", phone.findElement(By.id("total-units")).getText(), "running totals while typing");
        assertEquals("¥12,000.50", phone.findElement(By.id("total-gross")).getText(), "a cell that does not read counts for nothing");

        clickAndWait(phone, phone.findElement(By.cssSelector(".save-bar button.primary")));
        WebElement error = phone.findElement(By.cssSelector("#" + field(phone, "gross").get(1).getAttribute("id") + "-error"));
        assertTrue(error.getText().startsWith("金额最多两位小数"), "the message sits under its cell: " + error.getText());
        assertEquals("１２0", units(phone).get(0).getAttribute("value"), "what was typed is kept, as typed");
        assertEquals("2000.505", field(phone, "gross").get(1).getAttribute("value"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"), "nothing saved");
        assertEquals("160", phone.findElement(By.id("total-units")).getText(), "the server's totals after the round trip");

        type(field(phone, "gross").get(1), "2000.50");
        clickAndWait(phone, phone.findElement(By.cssSelector(".save-bar button.primary")));
        assertTrue(phone.findElement(By.cssSelector(".flash")).getText().contains("已保存"));
        assertEquals("14001.00", fixtures.value("SELECT SUM(gross) FROM sale_line"));
        assertEquals("¥14,001.00", phone.findElement(By.id("total-gross")).getText());
    }

    @Test
    void salesTypedBeforeTheConnectionDroppedAreOfferedBackAndSavedOnce() {
        WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", PHONE_WIDTH, 740);
        String grid = server.getURI() + "/sessions/" + session + "/sales";
        browser.get(grid);
        assertFalse(browser.findElement(By.cssSelector(".draft-offer")).isDisplayed(), "nothing kept yet");
        type(units(browser).get(0), "80");
        type(field(browser, "orders").get(0), "75");
        type(field(browser, "gross").get(0), "8000");
        type(field(browser, "refunds").get(0), "100");

        offline(browser, true);
        clickAndWait(browser, browser.findElement(By.cssSelector(".save-bar button.primary")));
        assertTrue(browser.findElements(By.cssSelector("form.sales-grid")).isEmpty(), "the browser's own error page");
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"), "the server never heard of it");

        offline(browser, false);
        browser.get(grid);
        WebElement offer = waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".draft-offer")));
        assertTrue(offer.getText().contains("未能提交"), offer.getText());
        assertEquals("", units(browser).get(0).getAttribute("value"), "the page itself starts from what is saved");
        offer.findElement(By.cssSelector("[data-draft-restore]")).click();
        assertEquals("80", units(browser).get(0).getAttribute("value"));
        assertEquals("100", field(browser, "refunds").get(0).getAttribute("value"));
        assertEquals("¥8,000.00", browser.findElement(By.id("total-gross")).getText(), "totals follow the restored cells");

        clickAndWait(browser, browser.findElement(By.cssSelector(".save-bar button.primary")));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("已保存"));
        assertEquals("80 75 8000.00 100.00", fixtures.value(
                "SELECT CONCAT_WS(' ', units, orders, gross, refunds) FROM sale_line WHERE session_id = ?", session));
        assertEquals(0L, keptDrafts(browser), "a successful save clears what the device kept");
        browser.get(grid);
        assertFalse(browser.findElement(By.cssSelector(".draft-offer")).isDisplayed(), "and nothing is offered again");
    }

    @Test
    void aSessionTypedBeforeTheConnectionDroppedIsCreatedOnceWhenSentAgain() {
        WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", 1280, 900);
        String form = server.getURI() + "/campaigns/" + campaign + "/sessions/new";
        browser.get(form);
        setValue(browser, browser.findElement(By.id("date")), "2020-04-12");
        setValue(browser, browser.findElement(By.id("start")), "20:00");
        setValue(browser, browser.findElement(By.id("end")), "22:00");
        browser.findElement(By.cssSelector("input[name=hosts]")).click();
        type(browser.findElement(By.id("views")), "56,000");

        offline(browser, true);
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"), "only the session of the set-up");

        offline(browser, false);
        browser.get(form);
        WebElement offer = waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".draft-offer")));
        offer.findElement(By.cssSelector("[data-draft-restore]")).click();
        assertEquals("56,000", browser.findElement(By.id("views")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("input[name=hosts]")).isSelected(), "ticked boxes come back too");
        String kept = keptDraft(browser);
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("已创建"));
        assertEquals("56000", fixtures.value("SELECT views FROM live_session WHERE live_date = '2020-04-12'"));
        assertEquals(0L, keptDrafts(browser), "a successful save clears what the device kept");
        String created = browser.getCurrentUrl().replace("?flash=created", "");

        // had the lost submit reached the server after all, the kept form carries its one-time token:
        // sent again, it is answered with the first result and makes nothing twice
        keep(browser, kept);
        browser.get(form);
        waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".draft-offer [data-draft-restore]"))).click();
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        assertEquals(created, browser.getCurrentUrl(), "sent to the session made the first time");
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session WHERE live_date = '2020-04-12'"), "made once");
        assertEquals(0L, keptDrafts(browser), "and the device keeps it no longer");
    }

    private static List<WebElement> units(WebDriver browser) {
        return field(browser, "units");
    }

    private static List<WebElement> field(WebDriver browser, String name) {
        return browser.findElements(By.cssSelector("form.sales-grid td input[name=" + name + "]"));
    }

    /** Chrome's own network switch: requests fail as on a phone that lost its signal. */
    private static void offline(WebDriver browser, boolean offline) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The one draft this device keeps, as stored. */
    private static String keptDraft(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var k = Object.keys(localStorage).filter(function (k) { return k.indexOf('countylive.draft.') === 0; });"
                        + " return k.length === 1 ? k[0] + '\\n' + localStorage.getItem(k[0]) : null;");
    }

    private static void keep(WebDriver browser, String draft) {
        ((JavascriptExecutor) browser).executeScript("var p = arguments[0].split('\\n');"
                + " localStorage.setItem(p[0], p.slice(1).join('\\n'));", draft);
    }

    private static long keptDrafts(WebDriver browser) {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return Object.keys(localStorage).filter(function (k) { return k.indexOf('countylive.draft.') === 0; }).length;");
    }
}

package countylive.e2e;

import countylive.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** What every journey does: open a browser, log in through the form, wait for pages, fill fields. */
final class Journeys {

    static final Path DOWNLOADS = Path.of("target", "e2e-downloads");

    private Journeys() {
    }

    static WebDriver browser(int width, int height) {
        return BrowserJourney.track(Chromium.start(width, height, DOWNLOADS));
    }

    static WebDriver loggedIn(URI base, String username, int width, int height) {
        WebDriver browser = browser(width, height);
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form.record button[type=submit]")).click();
        waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.user-menu")));
        return browser;
    }

    static <T> T waitFor(WebDriver browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    }

    /** Clicks and waits until the browser has left the page it was on. */
    static void clickAndWait(WebDriver browser, WebElement element) {
        WebElement html = browser.findElement(By.tagName("html"));
        element.click();
        waitFor(browser, driver -> {
            try {
                html.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                // while the next page replaces it, chromedriver may say the old page's node "does not
                // belong to the document" instead of calling it stale: the page was left all the same
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        // the old page is gone; let the new one finish loading before anyone looks for its elements
        waitFor(browser, driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Date and time inputs take typed text in the browser's locale format; set their ISO value instead. */
    static void setValue(WebDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** How far the page is wider than the window: 0 when nothing spills over. */
    static long horizontalOverflow(WebDriver browser) {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}

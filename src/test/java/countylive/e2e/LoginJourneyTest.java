package countylive.e2e;

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

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class LoginJourneyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.association("staff");
    }

    @Test
    void staffLogsInInChineseAndSwitchesToEnglish() {
        WebDriver browser = BrowserJourney.track(Chromium.start(1280, 900, Path.of("target", "e2e-downloads")));
        browser.get(server.getURI() + "/");
        assertEquals("登录", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("username")).sendKeys("staff");
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".form-error")));
        assertTrue(browser.findElement(By.cssSelector(".form-error")).getText().contains("用户名或密码不正确"));
        assertEquals("staff", browser.findElement(By.id("username")).getAttribute("value"), "typed name kept");
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form.record button[type=submit]")).click();
        waitFor(browser, ExpectedConditions.textToBe(By.tagName("h1"), "县长直播助农台"));
        browser.findElement(By.cssSelector(".lang-switch button")).click();
        waitFor(browser, ExpectedConditions.textToBe(By.tagName("h1"), "County Live"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    static <T> T waitFor(WebDriver browser, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    @Test
    void loginPageFitsAPhone() {
        WebDriver phone = BrowserJourney.track(Chromium.start(360, 740, Path.of("target", "e2e-downloads")));
        phone.get(server.getURI() + "/login");
        long overflow = (Long) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "nothing spills over at 360 px");
    }
}

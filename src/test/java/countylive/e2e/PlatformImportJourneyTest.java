package countylive.e2e;

import countylive.platform.PlatformWorkbooks;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;

import static countylive.e2e.Journeys.clickAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator imports a Douyin compass download from the campaign's page: uploads it, reads the
 * preview, matches the one product it could not match, confirms, and sees the summary move.
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class PlatformImportJourneyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶助农直播', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124')", campaign);
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), ('英山毛尖', '茶', '盒', 50.00, '421124', NOW(), NOW())");
    }

    @Test
    void uploadPreviewMatchAProductConfirmAndTheSummaryMoves() throws Exception {
        WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", 1280, 900);
        browser.get(server.getURI() + "/campaigns/" + campaign + "/summary");
        String before = browser.findElement(By.id("fig-gross")).getText();

        browser.get(server.getURI() + "/campaigns/" + campaign);
        clickAndWait(browser, browser.findElement(By.linkText("从平台导入")));
        Path file = Files.createTempFile(Path.of("target"), "抖音整场数据", ".xlsx");
        Files.write(file, PlatformWorkbooks.douyin().bytes());
        browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
        clickAndWait(browser, browser.findElement(By.cssSelector("form.record button[type=submit]")));
        Files.deleteIfExists(file);

        assertTrue(browser.getCurrentUrl().contains("/platform-imports/"), browser.getCurrentUrl());
        String preview = browser.findElement(By.cssSelector(".platform-session")).getText();
        assertTrue(preview.contains("新场次"), preview);
        assertTrue(preview.contains("英山云雾 特级 250g"), preview);
        // the one product the import could not match, matched by the coordinator
        new Select(browser.findElement(By.id("product-0-0"))).selectByVisibleText("英山云雾");
        clickAndWait(browser, browser.findElement(By.cssSelector(".platform-preview .actions button[type=submit]")));
        String done = browser.findElement(By.cssSelector(".flash")).getText();
        assertTrue(done.contains("新建 1 场"), done);

        clickAndWait(browser, browser.findElement(By.linkText("查看活动的数据汇总")));
        String after = browser.findElement(By.id("fig-gross")).getText();
        assertTrue(!after.equals(before), before + " → " + after);
        assertEquals("¥13,200.00", after);
    }
}

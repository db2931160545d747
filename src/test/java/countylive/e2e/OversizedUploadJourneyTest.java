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
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static countylive.e2e.Journeys.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A coordinator picks a 50 MB file for the sales import: far over the server's 10 MB limit. The
 * browser shows the page that says so, in Chinese, with the way back; it does not keep uploading
 * forever (the server once answered 413 in the middle of the upload and then stopped reading).
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class OversizedUploadJourneyTest {

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
    }

    @Test
    void aFileFarOverTheLimitShowsThePageThatSaysSo() throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "oversized", ".xlsx");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(50L * 1024 * 1024);
        }
        try {
            WebDriver browser = Journeys.loggedIn(server.getURI(), "yingshan", 1280, 900);
            browser.get(server.getURI() + "/campaigns/" + campaign + "/import");
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.cssSelector("form.record button[type=submit]")).click();
            waitFor(browser, ExpectedConditions.textToBe(By.tagName("h1"), "内容太大"));
            assertEquals("返回首页", browser.findElement(By.cssSelector(".error-page a[href='/']")).getText());
            assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

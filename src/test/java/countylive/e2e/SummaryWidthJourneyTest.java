package countylive.e2e;

import countylive.demo.DemoData;
import countylive.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary's county table of the demo tea campaign (31 counties, sums in millions): whole at a
 * laptop's 1366 px, folded into cards on a phone with the key figures shown and the rest a tap away.
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
@Property(name = "countylive.demo", value = "true")
class SummaryWidthJourneyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    DemoData demo;

    String summary;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        demo.load();
        fixtures.association("staff");
        summary = server.getURI() + "/campaigns/"
                + fixtures.value("SELECT id FROM campaign WHERE name = ?", DemoData.teaCampaignName()) + "/summary";
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @Test
    void countyTableFitsALaptopScreen() {
        WebDriver laptop = Journeys.loggedIn(server.getURI(), "staff", 1366, 768);
        laptop.get(summary);
        WebElement wrap = laptop.findElement(By.cssSelector("#by-county + .table-wrap"));
        long hidden = (Long) ((JavascriptExecutor) laptop).executeScript(
                "return arguments[0].scrollWidth - arguments[0].clientWidth;", wrap);
        assertEquals(0L, hidden, "no column of the county table is scrolled out of sight");
        assertTrue(laptop.findElements(By.cssSelector("#by-county + .table-wrap thead th")).get(13).isDisplayed(),
                "people assisted, the last figure, is on screen");
    }

    @Test
    void countyTableFoldsOnAPhone() {
        WebDriver phone = Journeys.loggedIn(server.getURI(), "staff", 360, 740);
        phone.get(summary);
        assertEquals(0L, Journeys.horizontalOverflow(phone));
        WebElement yingshan = phone.findElement(By.cssSelector("tr[data-county='421124']"));
        assertTrue(yingshan.findElement(By.cssSelector("td.fold-title a")).isDisplayed());
        for (WebElement key : yingshan.findElements(By.cssSelector("td.fold-key"))) {
            assertTrue(key.isDisplayed() && key.getRect().getX() + key.getRect().getWidth() <= 360, "key figure on screen");
        }
        WebElement province = yingshan.findElements(By.tagName("td")).get(1);
        assertFalse(province.isDisplayed(), "the other columns are folded");
        yingshan.findElements(By.cssSelector("td.fold-key")).get(0).click();
        assertTrue(province.isDisplayed(), "a tap unfolds them");
        assertEquals("湖北省", province.getText());
    }
}

package countylive.e2e;

import countylive.host.Platform;
import countylive.ledger.LineFigures;
import countylive.ledger.SessionDraft;
import countylive.livestream.EntryData;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static countylive.e2e.Journeys.clickAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Association staff trace figures down to their entries: from a summary's county row, host row and
 * product row to the sale lines behind each, whose totals equal the figure clicked, and on to a
 * line's session.
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class TraceJourneyTest {

    private static final String YINGSHAN = "421124";
    private static final String XINGSHAN = "420526";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.association("staff");
        EntryData data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        long host = data.host("李佳", "lijia");
        long other = data.host("王小", "wangxiao");
        long tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        long honey = data.product("英山蜂蜜", YINGSHAN, "50.00");
        long mushroom = data.product("兴山香菇", XINGSHAN, "30.00");
        long s1 = session(YINGSHAN, "2020-04-10", host, other);
        long s2 = session(YINGSHAN, "2020-04-11", host);
        long s3 = session(XINGSHAN, "2020-04-11", other);
        data.sell(s1, tea, new LineFigures(10, 9, new BigDecimal("1000.00"), new BigDecimal("50.00")));
        data.sell(s1, honey, new LineFigures(4, 4, new BigDecimal("200.00"), BigDecimal.ZERO.setScale(2)));
        data.sell(s2, tea, new LineFigures(3, 3, new BigDecimal("300.00"), BigDecimal.ZERO.setScale(2)));
        data.sell(s3, mushroom, new LineFigures(20, 18, new BigDecimal("600.00"), new BigDecimal("30.00")));
    }

    private long session(String county, String day, long... hosts) {
        LocalDate date = LocalDate.parse(day);
        Set<Long> hostIds = new java.util.HashSet<>();
        for (long host : hosts) {
            hostIds.add(host);
        }
        return fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, county, Platform.DOUYIN,
                date.atTime(19, 0), date.atTime(21, 0), 1000L, null, null, null, hostIds, Set.of(), null), null);
    }

    @Test
    void fromASummaryRowToTheLinesBehindItAndOnToASession() {
        WebDriver browser = Journeys.loggedIn(server.getURI(), "staff", 1280, 900);
        String summary = server.getURI() + "/campaigns/" + campaign + "/summary";

        browser.get(summary);
        List<String> county = follow(browser, "by-county", "英山县");
        assertEquals(county.get(7), total(browser, "gross"), "英山's gross: 1,000 + 200 + 300");
        assertEquals(county.get(5), total(browser, "units"));
        assertEquals(county.get(3), total(browser, "sessions"));

        browser.get(summary);
        List<String> host = follow(browser, "by-host", "李佳");
        assertEquals(host.get(4), total(browser, "gross"), "the sessions 李佳 hosted");
        assertEquals(host.get(2), total(browser, "sessions"));

        browser.get(summary);
        List<String> product = follow(browser, "by-product", "英山云雾茶");
        assertEquals(product.get(6), total(browser, "gross"), "the tea's two lines");
        assertEquals(product.get(4), total(browser, "units"));

        WebElement firstLine = browser.findElement(By.cssSelector("table.lines tbody tr td:nth-child(9) a"));
        clickAndWait(browser, firstLine);
        assertTrue(browser.getCurrentUrl().matches(".*/sessions/\\d+$"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("英山县"));
    }

    /** Reads the row's cells, clicks its first link and returns the cells as the summary showed them. */
    private static List<String> follow(WebDriver browser, String table, String name) {
        WebElement row = browser.findElement(By.xpath("//h2[@id='" + table + "']/following::table[1]//tr[td[1]//a[text()='"
                + name + "']]"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        clickAndWait(browser, row.findElement(By.cssSelector("td a")));
        assertTrue(browser.getCurrentUrl().contains("/lines?"), browser.getCurrentUrl());
        return cells;
    }

    private static String total(WebDriver browser, String figure) {
        return browser.findElement(By.id("total-" + figure)).getText();
    }
}

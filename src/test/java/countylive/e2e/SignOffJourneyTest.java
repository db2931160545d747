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
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static countylive.e2e.Journeys.clickAndWait;
import static countylive.e2e.Journeys.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-off as its users go through it: a coordinator submits, association staff return it
 * with a reason, the coordinator corrects a line and submits again, staff accept, and the
 * coordinator's grid is read-only and says why.
 */
@ExtendWith(BrowserJourney.class)
@MicronautTest(transactional = false)
class SignOffJourneyTest {

    private static final String YINGSHAN = "421124";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long campaign;
    long session;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.association("staff");
        fixtures.execute("UPDATE app_user SET display_name = '张三' WHERE username = 'staff'");
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        EntryData data = new EntryData(fixtures);
        campaign = data.campaign("春茶助农直播", "2020-04-02", "2020-05-24", "ACTIVE");
        data.county(campaign, YINGSHAN);
        long tea = data.product("英山云雾", YINGSHAN, "100.00");
        LocalDate day = LocalDate.of(2020, 4, 10);
        session = fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, YINGSHAN, Platform.DOUYIN,
                day.atTime(19, 0), day.atTime(21, 0), 5000L, null, null, null, Set.of(), Set.of(), null), null);
        data.sell(session, tea, new LineFigures(10, 10, new BigDecimal("1000.00"), BigDecimal.ZERO.setScale(2)));
    }

    @Test
    void submitReturnCorrectAcceptAndTheGridIsReadOnly() {
        WebDriver coordinator = Journeys.loggedIn(server.getURI(), "yingshan", 1280, 900);
        coordinator.get(server.getURI() + "/campaigns/" + campaign);
        clickAndWait(coordinator, coordinator.findElement(By.linkText("数据审核")));
        assertTrue(coordinator.findElement(By.cssSelector(".tally")).getText().contains("已审核 0/1 县"));
        submit(coordinator);
        assertTrue(coordinator.findElement(By.cssSelector(".flash")).getText().contains("已提交"));
        assertEquals("已提交", stateOnPage(coordinator));

        WebDriver staff = Journeys.loggedIn(server.getURI(), "staff", 1280, 900);
        staff.get(server.getURI() + "/campaigns/" + campaign + "/sign-off");
        staff.findElement(By.id("reason")).sendKeys("4月10日的退款漏填了");
        clickAndWait(staff, staff.findElement(By.xpath("//tr[td/a[text()='英山县']]//button[text()='退回']")));
        assertEquals("已退回", stateOnPage(staff));

        coordinator.navigate().refresh();
        assertEquals("已退回", stateOnPage(coordinator));
        assertTrue(coordinator.findElement(By.cssSelector("table.sign-off tbody")).getText().contains("4月10日的退款漏填了"));
        coordinator.get(server.getURI() + "/sessions/" + session + "/sales");
        WebElement refunds = coordinator.findElement(By.cssSelector("input[name='refunds']"));
        refunds.clear();
        refunds.sendKeys("50");
        clickAndWait(coordinator, coordinator.findElement(By.cssSelector("form.sales-grid button.primary")));
        assertTrue(coordinator.findElement(By.cssSelector(".flash")).getText().contains("已保存"));
        assertEquals("50.00", fixtures.value("SELECT refunds FROM sale_line"));
        coordinator.get(server.getURI() + "/campaigns/" + campaign + "/sign-off");
        submit(coordinator);
        assertEquals("已提交", stateOnPage(coordinator));

        staff.navigate().refresh();
        staff.findElement(By.cssSelector("input[name='county'][value='" + YINGSHAN + "']")).click();
        clickAndWait(staff, staff.findElement(By.xpath("//button[text()='审核通过所选县']")));
        assertEquals("已审核", stateOnPage(staff));
        assertTrue(staff.findElement(By.cssSelector(".tally")).getText().contains("已审核 1/1 县"));
        assertTrue(staff.findElement(By.cssSelector(".sign-off-timeline")).getText().contains("4月10日的退款漏填了"),
                "the timeline keeps the return and its reason");

        coordinator.get(server.getURI() + "/sessions/" + session + "/sales");
        String notice = coordinator.findElement(By.cssSelector(".lock-notice")).getText();
        assertTrue(notice.matches("英山县的数据已于 \\d{4}-\\d{2}-\\d{2} 由 张三 审核，如需修改请联系管理员。"), notice);
        assertTrue(coordinator.findElements(By.cssSelector("form.sales-grid")).isEmpty(), "nothing to type into");
        assertTrue(coordinator.findElements(By.cssSelector("input[name='units']")).isEmpty());
        coordinator.get(server.getURI() + "/campaigns/" + campaign + "/summary");
        assertTrue(coordinator.findElement(By.id("sign-off-tally")).getText().contains("已审核 1/1 县"));
    }

    /** The row's "提交" button asks first; the journey says yes. */
    private static void submit(WebDriver browser) {
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(By.xpath("//tr[td/a[text()='英山县']]//button[text()='提交']")).click();
        waitFor(browser, ExpectedConditions.alertIsPresent()).accept();
        waitFor(browser, ExpectedConditions.stalenessOf(html));
        waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.sign-off")));
    }

    private static String stateOnPage(WebDriver browser) {
        return browser.findElement(By.xpath("//tr[td/a[text()='英山县']]//span[contains(@class, 'badge')]")).getText();
    }
}

package countylive.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs browser journeys only where Chromium is installed (with one line saying how to install it
 * otherwise), and keeps a screenshot and the page's HTML of every open browser when a journey
 * fails, under target/e2e-failures/.
 */
public class BrowserJourney implements ExecutionCondition, TestWatcher {

    static final Path FAILURES = Path.of("target", "e2e-failures");
    private static final List<WebDriver> OPEN = new ArrayList<>();

    static synchronized WebDriver track(WebDriver driver) {
        OPEN.add(driver);
        return driver;
    }

    static synchronized void closeAll() {
        OPEN.forEach(WebDriver::quit);
        OPEN.clear();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.available()) {
            return ConditionEvaluationResult.enabled("Chromium found at " + Chromium.BINARY);
        }
        if (context.getTestMethod().isEmpty()) {
            System.out.println(Chromium.HOW_TO_INSTALL);
        }
        return ConditionEvaluationResult.disabled(Chromium.HOW_TO_INSTALL);
    }

    // TestWatcher is told after every @AfterEach: the browsers are closed here, once the
    // failure has been captured, and not in the tests

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            capture(context);
        } finally {
            closeAll();
        }
    }

    private static void capture(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(FAILURES);
            int i = 0;
            synchronized (BrowserJourney.class) {
                for (WebDriver driver : OPEN) {
                    String file = name + (i++ == 0 ? "" : "-" + i);
                    Files.write(FAILURES.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                    Files.writeString(FAILURES.resolve(file + ".html"),
                            driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the failed journey's pages: " + e);
        }
    }
}

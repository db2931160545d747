package countylive.platform;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measurement in docs/performance.md ("Platform import"): fifty Douyin compass downloads,
 * one session each, in one upload; its preview; and its confirmation. Not part of the suite
 * (the name is no test's): {@code ./mvnw -o -q test -Dtest=FiftyDouyinWorkbooksMeasurement}.
 * It checks what was written and prints the times; it asserts none.
 */
@MicronautTest(transactional = false)
class FiftyDouyinWorkbooksMeasurement {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @Test
    void fiftyWorkbooksInOneUpload() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", "421124");
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES ('春茶', '2020-04-02', '2020-05-24', 'ACTIVE', NOW(), NOW())");
        long campaign = Long.parseLong(fixtures.value("SELECT id FROM campaign"));
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, '421124')", campaign);
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) VALUES "
                + "('英山云雾', '茶', '盒', 100.00, '421124', NOW(), NOW()), ('英山毛尖', '茶', '盒', 50.00, '421124', NOW(), NOW())");
        long yunwu = Long.parseLong(fixtures.value("SELECT id FROM product WHERE name = '英山云雾'"));
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD)
                .timeout(java.time.Duration.ofMinutes(5));

        Map<String, byte[]> files = new LinkedHashMap<>();
        long bytes = 0;
        for (int i = 0; i < 50; i++) {
            String day = java.time.LocalDate.of(2020, 4, 3).plusDays(i).toString().replace('-', '/');
            byte[] file = PlatformWorkbooks.douyin().span(day + " 19:00:21-" + day + " 21:02:40").bytes();
            files.put("整场数据_" + i + ".xlsx", file);
            bytes += file.length;
        }
        long start = System.nanoTime();
        Browser.Page uploaded = PlatformUpload.upload(coordinator, server.getURI(), campaign, "421124", files);
        long upload = System.nanoTime() - start;
        assertEquals(303, uploaded.status(), uploaded.body());

        start = System.nanoTime();
        Browser.Page preview = coordinator.get(uploaded.location());
        long shown = System.nanoTime() - start;
        assertEquals(200, preview.status());

        Map<String, String> choices = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            choices.put("product." + i + ".0", Long.toString(yunwu));
        }
        start = System.nanoTime();
        Browser.Page confirmed = coordinator.post(uploaded.location(), choices);
        long confirm = System.nanoTime() - start;
        assertEquals(303, confirmed.status(), confirmed.body());
        assertEquals("50", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("100", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("660000.00", fixtures.value("SELECT SUM(gross) FROM county_day_sales"));
        assertTrue(coordinator.get(confirmed.location()).body().contains("新建 50 场"));
        System.out.printf("PLATFORM IMPORT: 50 Douyin workbooks, %d KB together; upload (check, read, keep) %d ms;"
                        + " preview %d ms; confirm (read again, match, write through the ledger) %d ms%n",
                bytes / 1024, upload / 1_000_000, shown / 1_000_000, confirm / 1_000_000);
    }
}

package countylive.summary;

import countylive.access.CurrentUser;
import countylive.account.AppUserAccess;
import countylive.ledger.Ledger;
import countylive.access.Role;
import countylive.support.Browser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Times the summary page of a campaign with 1,000,000 sale lines and the national overview, over
 * HTTP and as the bare SQL behind them. Not a JUnit test: run it on purpose with
 * the commands in docs/performance.md
 * The data lives in its own embedded database (.data/bench-mariadb) and is generated on the first
 * run only (a few minutes). docs/performance.md records the method and the results.
 */
public final class SummaryBenchmark {

    static final String CAMPAIGN = "基准：一百万条销售记录";
    static final int RUNS = Integer.getInteger("bench.runs", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 3);

    public static void main(String[] args) throws Exception {
        if (System.getProperty("countylive.db.dir") == null && System.getenv("COUNTYLIVE_DB_DIR") == null
                && System.getenv("DB_URL") == null) {
            System.setProperty("countylive.db.dir", ".data/bench-mariadb");
        }
        // started as the application's main starts it, so DatabaseConfigurer chooses the database
        try (ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                .properties(Map.of("countylive.demo", false, "micronaut.server.port", -1)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            Sql sql = context.getBean(Sql.class);
            Long campaign = sql.list("SELECT id FROM campaign WHERE name = ?", List.of(CAMPAIGN), row -> row.getLong(1))
                    .stream().findFirst().orElse(null);
            if (campaign == null) {
                long started = System.nanoTime();
                BenchData data = new BenchData(dataSource, context.getBean(Ledger.class), 42);
                // 250 counties x 200 sessions x 20 products = 1,000,000 sale lines over 60 days
                campaign = data.campaign(CAMPAIGN, LocalDate.of(2023, 3, 1), 60, 250, 0, 200, 20, 30_000);
                // four more campaigns of 100,000 lines each for the national overview
                for (int i = 0; i < 4; i++) {
                    data.campaign("基准：活动" + (i + 2), LocalDate.of(2022, 3 + i, 1), 20, 50, 300 + i * 60, 100, 20, 5_000);
                }
                System.out.printf("generated 1,400,000 sale lines in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            if (sql.list("SELECT id FROM app_user WHERE username = 'bench'", List.of(), row -> row.getLong(1)).isEmpty()) {
                context.getBean(AppUserAccess.class).create("bench", Role.ADMIN, "bench-password-1", List.of());
            }
            System.out.println("sale_line rows: " + sql.one("SELECT COUNT(*) FROM sale_line", List.of(), row -> row.getLong(1))
                    + ", in the campaign: " + sql.one("SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?",
                    List.of(campaign), row -> row.getLong(1)));
            Browser browser = new Browser(server.getURI()).login("bench", "bench-password-1");
            SummaryQueries queries = context.getBean(SummaryQueries.class);
            OverviewQueries overview = context.getBean(OverviewQueries.class);
            var c = queries.campaign(campaign).orElseThrow();
            SummaryFilter whole = SummaryFilter.whole(campaign, c.startsOn(), c.endsOn());
            SummaryFilter week = new SummaryFilter(campaign, c.startsOn().plusDays(14), c.startsOn().plusDays(20), null,
                    c.startsOn(), c.endsOn());
            String path = "/campaigns/" + campaign + "/summary";
            String weekPath = path + "?from=" + week.from() + "&to=" + week.to();
            String monthPath = path + "?from=" + c.startsOn().plusDays(10) + "&to=" + c.startsOn().plusDays(39);
            // the province with the most of the campaign's counties
            String province = sql.one("SELECT c.province_code FROM campaign_county cc JOIN county c ON c.code = cc.county_code"
                    + " WHERE cc.campaign_id = ? GROUP BY c.province_code ORDER BY COUNT(*) DESC, c.province_code LIMIT 1",
                    List.of(campaign), row -> row.getString(1));
            String provincePath = path + "?province=" + province;

            for (SummaryFilter filter : List.of(whole, week)) {
                System.out.println(filter == whole ? "whole campaign:" : "one week (" + week.from() + " to " + week.to() + "):");
                for (var part : List.<Map.Entry<String, Runnable>>of(
                        Map.entry("  headline", () -> queries.headline(filter)),
                        Map.entry("  byCounty", () -> queries.byCounty(filter)),
                        Map.entry("  byHost", () -> queries.byHost(filter)),
                        Map.entry("  byOfficial", () -> queries.byOfficial(filter)),
                        Map.entry("  byProduct (top 100)", () -> queries.byProduct(filter, SummaryController.PRODUCT_LIMIT)),
                        Map.entry("  byDay", () -> queries.byDay(filter)),
                        Map.entry("  sessions", () -> queries.sessions(filter)))) {
                    report(part.getKey(), part.getValue());
                }
            }
            report("summary page, HTTP", () -> check(browser.get(path)));
            report("summary, SQL only", () -> allQueries(queries, whole));
            report("summary, one week, HTTP", () -> check(browser.get(weekPath)));
            report("summary, one week, SQL only", () -> allQueries(queries, week));
            report("summary, 30 days, HTTP", () -> check(browser.get(monthPath)));
            report("summary, one province, HTTP", () -> check(browser.get(provincePath)));
            report("overview page, HTTP", () -> check(browser.get("/summaries")));
            report("overview, SQL only", () -> {
                overview.campaigns(false);
                overview.provinces(false);
                overview.national(false);
                overview.nationalPeople(false);
            });
            // the administrators' repair: every rollup row of the campaign recomputed from its sources
            Ledger ledger = context.getBean(Ledger.class);
            for (int i = 1; i <= 2; i++) {
                long started = System.nanoTime();
                ledger.rebuild(CurrentUser.system("benchmark"), campaign);
                System.out.printf("rebuild of the campaign's rollups, run %d: %.1f s%n", i, (System.nanoTime() - started) / 1e9);
            }
        }
        System.exit(0);
    }

    private static void allQueries(SummaryQueries queries, SummaryFilter filter) {
        queries.headline(filter);
        queries.byCounty(filter);
        queries.byHost(filter);
        queries.byOfficial(filter);
        queries.byProduct(filter, SummaryController.PRODUCT_LIMIT);
        queries.byDay(filter);
        queries.sessions(filter);
        queries.partners(filter.campaignId());
        queries.provinces(filter.campaignId());
    }

    private static void check(Browser.Page page) {
        if (page.status() != 200) {
            throw new IllegalStateException("status " + page.status());
        }
    }

    private static void report(String what, Runnable action) {
        for (int i = 0; i < WARMUP; i++) {
            action.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            action.run();
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        double median = RUNS % 2 == 1 ? times.get(RUNS / 2) : (times.get(RUNS / 2 - 1) + times.get(RUNS / 2)) / 2;
        double p95 = times.get((int) Math.ceil(RUNS * 0.95) - 1);
        System.out.printf("%-32s median %8.1f ms   p95 %8.1f ms   min %8.1f ms   (%d runs)%n",
                what, median, p95, times.get(0), RUNS);
    }
}

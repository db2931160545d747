package countylive.summary;

import countylive.access.CurrentUser;
import countylive.ledger.Ledger;
import countylive.ledger.LineFigures;
import countylive.ledger.SalesGrid;
import countylive.support.Browser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the summary page and the overview with their caches, on the data of {@link SummaryBenchmark}
 * (which must have run once to make it): the first view after a change of the campaign (a grid save
 * through the ledger, then the page), the same page unchanged (kept), for another viewer of the same
 * role, and answered 304; filtered to one week, 30 days and one province, each after a change; and
 * the overview after a change and unchanged. Not a JUnit test: run it on purpose, like the benchmark
 * (docs/performance.md), with countylive.summary.SummaryCacheTimings as the class.
 */
public final class SummaryCacheTimings {

    static final int RUNS = Integer.getInteger("bench.runs", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 3);

    public static void main(String[] args) {
        try {
            time();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void time() throws Exception {
        if (System.getProperty("countylive.db.dir") == null && System.getenv("DB_URL") == null) {
            System.setProperty("countylive.db.dir", ".data/bench-mariadb");
        }
        if (Boolean.getBoolean("bench.redoV15")) {
            // while V15 is being written: undo it on the benchmark's database, so that it runs again
            try (ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                    .properties(Map.of("countylive.demo", false, "micronaut.server.port", -1,
                            "flyway.datasources.default.enabled", false)).start()) {
                javax.sql.DataSource dataSource = context.getBean(io.micronaut.jdbc.DataSourceResolver.class)
                        .resolve(context.getBean(javax.sql.DataSource.class));
                try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                    for (String table : List.of("host_day_sales", "official_day_sales", "product_day_sales",
                            "product_week_sales", "data_version")) {
                        statement.executeUpdate("DROP TABLE IF EXISTS " + table);
                    }
                    statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '15'");
                }
            }
        }
        try (ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                .properties(Map.of("countylive.demo", false, "micronaut.server.port", -1)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            Sql sql = context.getBean(Sql.class);
            long campaign = sql.one("SELECT id FROM campaign WHERE name = ?", List.of(SummaryBenchmark.CAMPAIGN),
                    row -> row.getLong(1));
            var users = context.getBean(countylive.account.AppUserAccess.class);
            for (String name : List.of("bench", "bench2")) {
                if (sql.list("SELECT id FROM app_user WHERE username = ?", List.of(name), row -> row.getLong(1)).isEmpty()) {
                    users.create(name, countylive.access.Role.ADMIN, "bench-password-1", List.of());
                }
            }
            SummaryQueries queries = context.getBean(SummaryQueries.class);
            var c = queries.campaign(campaign).orElseThrow();
            String path = "/campaigns/" + campaign + "/summary";
            String weekPath = path + "?from=" + c.startsOn().plusDays(14) + "&to=" + c.startsOn().plusDays(20);
            String monthPath = path + "?from=" + c.startsOn().plusDays(10) + "&to=" + c.startsOn().plusDays(39);
            String province = sql.one("SELECT c.province_code FROM campaign_county cc JOIN county c ON c.code = cc.county_code"
                    + " WHERE cc.campaign_id = ? GROUP BY c.province_code ORDER BY COUNT(*) DESC, c.province_code LIMIT 1",
                    List.of(campaign), row -> row.getString(1));
            String provincePath = path + "?province=" + province;

            // the benchmark's campaigns are closed: open this one for the changes, and close it again after
            javax.sql.DataSource dataSource = context.getBean(io.micronaut.jdbc.DataSourceResolver.class)
                    .resolve(context.getBean(javax.sql.DataSource.class));
            explain(dataSource, campaign, c.startsOn());
            status(dataSource, campaign, "ACTIVE");
            try {
                run(context, server, sql, campaign, path, weekPath, monthPath, provincePath);
            } finally {
                status(dataSource, campaign, "CLOSED");
            }
        }
    }

    /** How many rows the rollups per day hold, and how a week of products is read. */
    private static void explain(javax.sql.DataSource dataSource, long campaign, java.time.LocalDate start) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (String table : List.of("product_day_sales", "host_day_sales", "official_day_sales", "county_day_sales",
                    "sale_line")) {
                try (var rows = statement.executeQuery("SELECT COUNT(*), SUM(live_date BETWEEN '" + start.plusDays(14)
                        + "' AND '" + start.plusDays(20) + "') FROM " + table + " WHERE campaign_id = " + campaign)) {
                    rows.next();
                    System.out.printf("%-20s %,10d rows in the campaign, %,10d in the week%n", table, rows.getLong(1),
                            rows.getLong(2));
                }
            }
            List<Object> p = new ArrayList<>();
            SummaryFilter week = new SummaryFilter(campaign, start.plusDays(14), start.plusDays(20), null, start,
                    start.plusDays(59));
            String text = "EXPLAIN SELECT pd.product_id, SUM(pd.units) FROM product_day_sales pd FORCE INDEX (PRIMARY) WHERE "
                    + SummaryQueries.scope("pd", week, p) + " GROUP BY pd.product_id";
            try (var explain = connection.prepareStatement(text)) {
                for (int i = 0; i < p.size(); i++) {
                    Object value = p.get(i);
                    explain.setObject(i + 1, value instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : value);
                }
                try (var plan = explain.executeQuery()) {
                    while (plan.next()) {
                        System.out.println("plan: " + plan.getString("table") + " " + plan.getString("type") + " "
                                + plan.getString("key") + " rows " + plan.getString("rows") + " " + plan.getString("Extra"));
                    }
                }
            }
        }
    }

    /** Sets the campaign's status by hand, and raises the master version as a change outside the application must. */
    private static void status(javax.sql.DataSource dataSource, long campaign, String status) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE campaign SET status = '" + status + "' WHERE id = " + campaign);
            statement.executeUpdate("UPDATE data_version SET version = version + 1 WHERE name = 'master'");
        }
    }

    private static void run(ApplicationContext context, EmbeddedServer server, Sql sql, long campaign, String path,
                            String weekPath, String monthPath, String provincePath) {
            Browser browser = new Browser(server.getURI()).login("bench", "bench-password-1");
            Browser other = new Browser(server.getURI()).login("bench2", "bench-password-1");
            // the change: one grid save of one session of the campaign, one line's units up or down by one
            Ledger ledger = context.getBean(Ledger.class);
            long session = sql.one("SELECT MIN(id) FROM live_session WHERE campaign_id = ?", List.of(campaign),
                    row -> row.getLong(1));
            int[] turn = {0};
            Runnable change = () -> {
                Map<Long, LineFigures> lines = new HashMap<>();
                sql.list("SELECT product_id, units, orders, gross, refunds FROM sale_line WHERE session_id = ?",
                        List.of(session), row -> lines.put(row.getLong(1), new LineFigures(row.getLong(2), row.getLong(3),
                                row.getBigDecimal(4), row.getBigDecimal(5))));
                long first = lines.keySet().stream().min(Long::compare).orElseThrow();
                LineFigures line = lines.get(first);
                lines.put(first, new LineFigures(line.units() + (turn[0]++ % 2 == 0 ? 1 : -1), line.orders(),
                        line.gross(), line.refunds()));
                int version = sql.one("SELECT version FROM live_session WHERE id = ?", List.of(session), row -> row.getInt(1));
                ledger.saveSales(CurrentUser.system("benchmark"), new SalesGrid(session, version, lines, lines.keySet(),
                        lines.keySet()), null);
            };

            report("summary, first view after a change", change, () -> check(browser.get(path), 200));
            report("summary, unchanged (kept)", () -> { }, () -> check(browser.get(path), 200));
            report("summary, unchanged, another viewer", () -> { }, () -> check(other.get(path), 200));
            String etag = browser.get(path).header("ETag");
            report("summary, unchanged, 304", () -> { },
                    () -> check(browser.send(HttpRequest.newBuilder(server.getURI().resolve(path))
                            .header("If-None-Match", etag).GET()), 304));
            report("summary, show all, after a change", change, () -> check(browser.get(path + "?all=1"), 200));
            report("summary, one week, after a change", change, () -> check(browser.get(weekPath), 200));
            report("summary, 30 days, after a change", change, () -> check(browser.get(monthPath), 200));
            report("summary, one province, after a change", change, () -> check(browser.get(provincePath), 200));
            report("summary, 30 days, unchanged (kept)", () -> { }, () -> check(browser.get(monthPath), 200));
            report("overview, first view after a change", change, () -> check(browser.get("/summaries"), 200));
            report("overview, unchanged (kept)", () -> { }, () -> check(browser.get("/summaries"), 200));
    }

    private static void check(Browser.Page page, int status) {
        if (page.status() != status) {
            throw new IllegalStateException("status " + page.status());
        }
    }

    /** Runs {@code before} untimed, then times {@code action}: warm-up runs first. */
    private static void report(String what, Runnable before, Runnable action) {
        for (int i = 0; i < WARMUP; i++) {
            before.run();
            action.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            before.run();
            long started = System.nanoTime();
            action.run();
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        double median = RUNS % 2 == 1 ? times.get(RUNS / 2) : (times.get(RUNS / 2 - 1) + times.get(RUNS / 2)) / 2;
        double p95 = times.get((int) Math.ceil(RUNS * 0.95) - 1);
        System.out.printf("%-40s median %8.1f ms   p95 %8.1f ms   min %8.1f ms   (%d runs)%n",
                what, median, p95, times.get(0), RUNS);
    }
}

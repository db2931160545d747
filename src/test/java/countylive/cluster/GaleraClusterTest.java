package countylive.cluster;

import countylive.ledger.RollupRows;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import countylive.support.Scrape;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app nodes on two nodes of a three-node Galera cluster ({@code bin/galera-cluster start}),
 * two coordinators of one county saving their sessions' grids through them at the same time: the
 * county's lock row and its rollup rows are written through both database nodes, so the cluster
 * refuses one of two overlapping saves at commit (a certification conflict), and the ledger must
 * run it again. Nothing may be lost or counted twice and neither user may see an error page, also
 * while a third database node is killed with {@code kill -9} and while it rejoins; afterwards its
 * tables must equal the others'.
 *
 * <p>Not part of {@code mvn verify} (it needs the cluster): {@code .ci/run} runs it in its third
 * pass, with {@code -Dcountylive.cluster=on} and this JVM's own database ({@code DB_URL}) on node 1.
 * The app nodes are the production jar ({@code target/county-live-*.jar}) in two JVMs, on ports
 * 8121 and 8122 ({@code countylive.cluster.ports}), connected to nodes 1 and 2. Durations:
 * {@code countylive.cluster.seconds} (60) for the saves, then {@code countylive.cluster.kill-seconds}
 * (40) for the saves during which node 3 is killed and rejoins.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "countylive.cluster", matches = "on")
class GaleraClusterTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]*)\"");
    private static final int PRODUCTS = 6;
    private static final List<Process> APPS = new ArrayList<>();

    @Inject
    Fixtures fixtures;

    private final int base = Integer.parseInt(env("GALERA_BASE_PORT", "4600"));
    private final String database = env("GALERA_DATABASE", "countylive");
    private final String user = env("GALERA_USER", "countylive");
    private final String password = env("GALERA_PASSWORD", "cluster-only-password");
    private List<String> products;

    /** One user's saves: how many, which failed, and the units of the last one that succeeded. */
    private static final class Writer {
        final String name;
        final Browser browser;
        final long session;
        final AtomicInteger saves = new AtomicInteger();
        final AtomicInteger lastSaved = new AtomicInteger(-1);
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final AtomicLong slowestMs = new AtomicLong();
        int round;

        Writer(String name, Browser browser, long session) {
            this.name = name;
            this.browser = browser;
            this.session = session;
        }
    }

    @AfterAll
    static void stopApps() {
        for (Process app : APPS) {
            app.destroy();
        }
        for (Process app : APPS) {
            try {
                if (!app.waitFor(TimeUnit.SECONDS.toMillis(20), TimeUnit.MILLISECONDS)) {
                    app.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // two app nodes, 100 s of saves, a rejoin
    void twoUsersOfOneCountySaveThroughTwoAppNodesOnTwoDatabaseNodesWhileANodeDiesAndRejoins() throws Exception {
        fixtures.clean();
        EntryData data = new EntryData(fixtures);
        long campaign = data.teaCampaign();
        // two sessions of one county on one day: both saves lock the same county and feed the same day's rollup
        long first = data.session(campaign, YINGSHAN, "2020-04-10");
        long second = data.session(campaign, YINGSHAN, "2020-04-10");
        for (int i = 1; i <= PRODUCTS; i++) {
            data.product("英山茶 " + i, YINGSHAN, null);
        }
        products = fixtures.column("SELECT id FROM product WHERE county_code = ?", YINGSHAN);
        fixtures.coordinatorOf("yingshan1", YINGSHAN);
        fixtures.coordinatorOf("yingshan2", YINGSHAN);
        fixtures.admin("root");

        String[] ports = System.getProperty("countylive.cluster.ports", "8121,8122").split(",");
        URI app1 = startApp(1, Integer.parseInt(ports[0].trim()));
        URI app2 = startApp(2, Integer.parseInt(ports[1].trim()));
        Writer one = new Writer("yingshan1 via app node 1 (database node 1)",
                new Browser(app1).timeout(Duration.ofSeconds(90)).login("yingshan1", Fixtures.PASSWORD), first);
        Writer two = new Writer("yingshan2 via app node 2 (database node 2)",
                new Browser(app2).timeout(Duration.ofSeconds(90)).login("yingshan2", Fixtures.PASSWORD), second);
        Browser admin1 = new Browser(app1).login("root", Fixtures.PASSWORD);
        Browser admin2 = new Browser(app2).login("root", Fixtures.PASSWORD);
        Map<String, Long> certificationBefore = certificationFailures();

        int seconds = Integer.parseInt(System.getProperty("countylive.cluster.seconds", "60"));
        saveTogether(List.of(one, two), seconds, null);
        Outcome together = outcome(List.of(one, two));
        System.out.println("cluster: " + seconds + " s of saves of one county through two app nodes: " + together);
        assertTrue(together.clean(), together.toString());

        // node 3 dies while the saves go on; it comes back while they still go on
        int killSeconds = Integer.parseInt(System.getProperty("countylive.cluster.kill-seconds", "40"));
        int savesBefore = one.saves.get() + two.saves.get();
        List<String> events = new ArrayList<>();
        saveTogether(List.of(one, two), killSeconds, () -> {
            sleep(5_000);
            events.add(script("kill", "3"));
            sleep(10_000);
            events.add(script("rejoin", "3"));
        });
        Outcome afterKill = outcome(List.of(one, two));
        int savesDuringKill = one.saves.get() + two.saves.get() - savesBefore;
        System.out.println("cluster: " + killSeconds + " s of saves while database node 3 was killed (kill -9) and rejoined: "
                + savesDuringKill + " saves; " + afterKill);
        events.forEach(event -> System.out.println("cluster:   " + event.strip().replace("\n", "\n cluster:   ")));
        assertTrue(afterKill.clean(), afterKill.toString());
        assertTrue(savesDuringKill > 0, "the app nodes on the surviving database nodes went on saving");

        Map<String, String> checksums = equalChecksums();
        double retried = retried(admin1, app1) + retried(admin2, app2);
        double gaveUp = gaveUp(admin1, app1) + gaveUp(admin2, app2);
        Map<String, Long> certificationAfter = certificationFailures();
        long certification = certificationAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - certificationBefore.getOrDefault(e.getKey(), 0L)).sum();
        int saves = one.saves.get() + two.saves.get();
        System.out.printf("cluster summary: saves=%d (%d + %d) retries=%.0f gave_up=%.0f certification_failures=%d"
                        + " error_pages=%d lost_lines=%d double_counted=%d rollups_differing_from_rebuild=%d"
                        + " slowest_save_ms=%d node3_rejoined_tables_equal=%d/%d%n",
                saves, one.saves.get(), two.saves.get(), retried, gaveUp, certification,
                afterKill.errorPages, afterKill.lost, afterKill.doubleCounted, afterKill.rollupsDiffering,
                Math.max(one.slowestMs.get(), two.slowestMs.get()), checksums.size(), checksums.size());
        assertEquals(0, gaveUp, "no save gave up after its retries");
    }

    /** What the database holds after the saves, against what the users last saved. */
    private record Outcome(int errorPages, long lost, long doubleCounted, long rollupsDiffering, int saves) {
        boolean clean() {
            return errorPages == 0 && lost == 0 && doubleCounted == 0 && rollupsDiffering == 0 && saves > 0;
        }

        @Override
        public String toString() {
            return "saves=" + saves + " error_pages=" + errorPages + " lost_lines=" + lost + " double_counted="
                    + doubleCounted + " rollups_differing_from_rebuild=" + rollupsDiffering;
        }
    }

    private Outcome outcome(List<Writer> writers) {
        int errors = 0;
        long lost = 0;
        long twice = 0;
        for (Writer writer : writers) {
            errors += writer.errors.size();
            writer.errors.stream().limit(3).forEach(error -> System.out.println("cluster: " + writer.name + ": " + error));
            // each product has exactly one line, with the units of the last save that succeeded
            lost += Long.parseLong(fixtures.value("SELECT ? - COUNT(DISTINCT product_id) FROM sale_line"
                    + " WHERE session_id = ? AND units = ?", PRODUCTS, writer.session, writer.lastSaved.get()));
            twice += Long.parseLong(fixtures.value("SELECT COUNT(*) - COUNT(DISTINCT product_id) FROM sale_line"
                    + " WHERE session_id = ?", writer.session));
        }
        Map<String, List<String>> stored = RollupRows.stored(fixtures.dataSource());
        Map<String, List<String>> rebuilt = RollupRows.rebuilt(fixtures.dataSource());
        long differing = 0;
        for (String rollup : rebuilt.keySet()) {
            List<String> have = stored.getOrDefault(rollup, List.of());
            List<String> want = rebuilt.get(rollup);
            differing += have.stream().filter(row -> !want.contains(row)).count()
                    + want.stream().filter(row -> !have.contains(row)).count();
        }
        return new Outcome(errors, lost, twice, differing, writers.stream().mapToInt(w -> w.saves.get()).sum());
    }

    /**
     * The writers save their grids, each again 50-250 ms after its last save came back, for the
     * given time; meanwhile {@code during} runs.
     */
    private void saveTogether(List<Writer> writers, int seconds, Runnable during) throws InterruptedException {
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(writers.size());
        for (Writer writer : writers) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < stopAt) {
                        save(writer);
                        // a person does not send the grid again the instant it came back
                        sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(50, 250));
                    }
                } finally {
                    done.countDown();
                }
            }, "cluster-" + writer.name);
            thread.start();
        }
        if (during != null) {
            during.run();
        }
        done.await();
    }

    /** Opens the grid as the user would, fills every product with this round's figures and saves it. */
    private void save(Writer writer) {
        int units = 10 + writer.round++;
        long started = System.nanoTime();
        try {
            String path = "/sessions/" + writer.session + "/sales";
            Browser.Page grid = writer.browser.get(path);
            if (grid.status() != 200) {
                writer.errors.add("GET " + path + " answered " + grid.status() + ": " + excerpt(grid.body()));
                return;
            }
            List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("version", find(VERSION, grid)),
                    Map.entry("submission", find(SUBMISSION, grid))));
            for (String product : products) {
                form.addAll(List.of(Map.entry("product", product), Map.entry("units", String.valueOf(units)),
                        Map.entry("orders", String.valueOf(units)), Map.entry("gross", units * 100 + ".00"),
                        Map.entry("refunds", ""), Map.entry("confirm", product)));
            }
            Browser.Page saved = writer.browser.postMulti(path, form);
            if (saved.status() != 303 || !(path + "?flash=saved").equals(saved.location())) {
                writer.errors.add("POST " + path + " answered " + saved.status() + ": " + excerpt(saved.body()));
                return;
            }
            writer.saves.incrementAndGet();
            writer.lastSaved.set(units);
        } catch (RuntimeException | AssertionError e) {
            writer.errors.add(e.toString());
        } finally {
            writer.slowestMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        }
    }

    /** Starts the production jar on the given port, connected to database node {@code node}; waits for /health. */
    private URI startApp(int node, int port) throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("county-live-.*\\.jar")
                            && !p.getFileName().toString().startsWith("original-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no target/county-live-*.jar: run ./mvnw package first"));
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
                // as docs/operations.md advises for Galera: a request waits out the few seconds in which
                // the cluster notices a dead node, instead of getting the 503 page after 3 s
                "-Ddatasources.default.connection-timeout=" + System.getProperty("countylive.cluster.connection-timeout", "10000"),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/cluster-app" + node + ".log"));
        Map<String, String> environment = builder.environment();
        environment.put("DB_URL", jdbcUrl(node));
        environment.put("DB_USER", user);
        environment.put("DB_PASSWORD", password);
        environment.put("PORT", String.valueOf(port));
        environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        APPS.add(builder.start());
        URI uri = URI.create("http://127.0.0.1:" + port);
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (new Browser(uri).timeout(Duration.ofSeconds(5)).get("/health").status() == 200) {
                    return uri;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // not listening yet
            }
            if (!APPS.get(APPS.size() - 1).isAlive()) {
                throw new AssertionError("app node " + node + " ended: see target/cluster-app" + node + ".log");
            }
            sleep(500);
        }
        throw new AssertionError("app node " + node + " did not answer /health within 2 minutes");
    }

    private String jdbcUrl(int node) {
        return "jdbc:mysql://127.0.0.1:" + (base + node) + "/" + database + "?sslMode=DISABLED";
    }

    /** Every table of the database on each node, by CHECKSUM TABLE; fails when a node's differ. */
    private Map<String, String> equalChecksums() throws SQLException {
        awaitSameCommit();
        Map<Integer, Map<String, String>> byNode = new TreeMap<>();
        for (int node = 1; node <= 3; node++) {
            Map<String, String> sums = new TreeMap<>();
            try (Connection connection = DriverManager.getConnection(jdbcUrl(node), user, password);
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE `" + String.join("`, `", tables) + "`")) {
                    while (rows.next()) {
                        sums.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            byNode.put(node, sums);
        }
        long differing = byNode.get(1).entrySet().stream()
                .filter(e -> !e.getValue().equals(byNode.get(3).get(e.getKey())) || !e.getValue().equals(byNode.get(2).get(e.getKey())))
                .count();
        System.out.println("cluster: CHECKSUM TABLE of " + byNode.get(1).size() + " tables on nodes 1, 2 and 3 (node 3 rejoined): "
                + (differing == 0 ? "all equal" : differing + " differ"));
        assertEquals(byNode.get(1), byNode.get(2), "node 2's tables equal node 1's");
        assertEquals(byNode.get(1), byNode.get(3), "the rejoined node 3's tables equal node 1's");
        return byNode.get(3);
    }

    /** Until every node has applied the same last write set (the cluster is quiet now). */
    private void awaitSameCommit() throws SQLException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> committed = new ArrayList<>();
            for (int node = 1; node <= 3; node++) {
                committed.add(status(node).get("wsrep_last_committed"));
            }
            if (committed.stream().distinct().count() == 1) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the nodes did not reach the same last committed write set");
    }

    private Map<String, String> status(int node) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(node), user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep_%'")) {
            while (rows.next()) {
                values.put(rows.getString(1).toLowerCase(), rows.getString(2));
            }
        }
        return values;
    }

    /** Certification failures and transactions aborted by replicated ones, on nodes 1 and 2. */
    private Map<String, Long> certificationFailures() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (int node = 1; node <= 2; node++) {
            Map<String, String> status = status(node);
            counts.put(node + " cert", Long.parseLong(status.getOrDefault("wsrep_local_cert_failures", "0")));
            counts.put(node + " bf", Long.parseLong(status.getOrDefault("wsrep_local_bf_aborts", "0")));
        }
        return counts;
    }

    private static double retried(Browser admin, URI app) {
        return Scrape.of(admin, app).value("countylive_ledger_conflicts_total", "outcome=\"retried\"");
    }

    private static double gaveUp(Browser admin, URI app) {
        return Scrape.of(admin, app).value("countylive_ledger_conflicts_total", "outcome=\"gave_up\"");
    }

    /** Runs bin/galera-cluster with the given arguments (the cluster's settings come from the environment). */
    private static String script(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bin/galera-cluster"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return String.join(" ", command) + ":\n" + output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String find(Pattern pattern, Browser.Page page) {
        Matcher matcher = pattern.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("not on the page: " + pattern + " in " + excerpt(page.body()));
        }
        return matcher.group(1);
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package countylive.support;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load of a campaign evening against a started application: readers (association staff) open
 * the tea campaign's summary and the campaign list, while coordinators save sales grids of their
 * sessions, for a while. Prints throughput, errors and latency percentiles per kind of request.
 * Not part of {@code mvn verify}: run it on purpose against the demo (docs/performance.md, "Load").
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) countylive.support.LoadTest \
 *     [http://localhost:8080] [readers 50] [writers 10] [seconds 60]</pre>
 *
 * It needs the demo accounts (admin, association, coordinator; password countylive). It makes an
 * open campaign of the demo coordinator's county with one session per writer, over HTTP, through
 * the same forms a user fills in, and saves those sessions' grids.
 */
public final class LoadTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]*)\"");
    private static final Pattern SAVED_UNITS = Pattern.compile("name=\"units\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern PRODUCT = Pattern.compile("name=\"product\" value=\"(\\d+)\"");
    private static final String COUNTY = "421124";
    private static final String PASSWORD = "countylive";

    /** The latencies and failures of one kind of request. */
    private record Kind(String name, ConcurrentLinkedQueue<Long> micros, AtomicLong errors) {
        Kind(String name) {
            this(name, new ConcurrentLinkedQueue<>(), new AtomicLong());
        }

        /** @return whether the request succeeded */
        boolean time(Runnable request) {
            long started = System.nanoTime();
            try {
                request.run();
                micros.add((System.nanoTime() - started) / 1_000);
                return true;
            } catch (RuntimeException | AssertionError e) {
                if (errors.incrementAndGet() <= 3) {
                    System.err.println(name + ": " + e.getMessage());
                }
                return false;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;

        Browser admin = new Browser(base).login("admin", PASSWORD);
        String summary = teaSummary(admin);
        List<Long> sessions = sessionsToSave(base, admin, writers);
        System.out.printf("%d readers of %s and /campaigns, %d writers of %d sessions' grids, %d s%n", readers, summary,
                writers, sessions.size(), seconds);

        Kind summaries = new Kind("summary page");
        Kind lists = new Kind("campaign list");
        Kind grids = new Kind("grid save");
        ExecutorService pool = Executors.newFixedThreadPool(readers + writers);
        CountDownLatch done = new CountDownLatch(readers + writers);
        // logged in one after the other: parallel logins from one address are throttled, as they should be
        List<Browser> staffs = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            staffs.add(new Browser(base).login("association", PASSWORD));
        }
        List<Browser> clerks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            clerks.add(new Browser(base).login("coordinator", PASSWORD));
        }
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        for (Browser staff : staffs) {
            pool.submit(() -> {
                try {
                    while (System.nanoTime() < stopAt) {
                        summaries.time(() -> ok(staff.get(summary), 200));
                        lists.time(() -> ok(staff.get("/campaigns"), 200));
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        AtomicIntegerArray lastSaved = new AtomicIntegerArray(writers);
        for (int i = 0; i < writers; i++) {
            int writer = i;
            pool.submit(() -> {
                try {
                    Browser clerk = clerks.get(writer);
                    int round = 0;
                    while (System.nanoTime() < stopAt) {
                        int units = 10 + round++;
                        if (grids.time(() -> saveGrid(clerk, sessions.get(writer), units))) {
                            lastSaved.set(writer, units);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        for (Kind kind : List.of(summaries, lists, grids)) {
            report(kind, seconds);
        }
        System.out.printf("lost saves: %d of %d sessions do not show their last saved grid%n",
                lost(admin, sessions, lastSaved), writers);
        System.exit(0);
    }

    private static void saveGrid(Browser clerk, long session, int units) {
        Browser.Page grid = ok(clerk.get("/sessions/" + session + "/sales"), 200);
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("version", find(VERSION, grid)),
                Map.entry("submission", find(SUBMISSION, grid))));
        Matcher products = PRODUCT.matcher(grid.body());
        while (products.find()) {
            form.addAll(List.of(Map.entry("product", products.group(1)), Map.entry("units", String.valueOf(units)),
                    Map.entry("orders", String.valueOf(units)), Map.entry("gross", units * 100 + ".00"),
                    Map.entry("refunds", ""), Map.entry("confirm", products.group(1))));
        }
        ok(clerk.postMulti("/sessions/" + session + "/sales", form), 303);
    }

    /** How many sessions' grids do not show, on every line, the units their writer last saved. */
    private static long lost(Browser reader, List<Long> sessions, AtomicIntegerArray lastSaved) {
        long lost = 0;
        for (int i = 0; i < sessions.size(); i++) {
            Matcher units = SAVED_UNITS.matcher(ok(reader.get("/sessions/" + sessions.get(i) + "/sales"), 200).body());
            boolean any = false;
            boolean all = true;
            while (units.find()) {
                any = true;
                all &= units.group(1).equals(String.valueOf(lastSaved.get(i)));
            }
            lost += any && all ? 0 : 1;
        }
        return lost;
    }

    /** The summary of the demo's tea campaign, the largest. */
    private static String teaSummary(Browser admin) {
        Matcher campaign = Pattern.compile("href=\"/campaigns/(\\d+)\">县长来了·春茶").matcher(ok(admin.get("/campaigns"), 200).body());
        if (!campaign.find()) {
            throw new IllegalStateException("the demo's tea campaign is not there: start the app in demo mode");
        }
        return "/campaigns/" + campaign.group(1) + "/summary";
    }

    /** An open campaign of the demo coordinator's county with as many sessions as writers, made through the forms. */
    private static List<Long> sessionsToSave(URI base, Browser admin, int writers) {
        String name = "负载测试 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        Browser.Page form = ok(admin.get("/campaigns/new"), 200);
        Browser.Page made = admin.postMulti("/campaigns", List.of(Map.entry("name", name), Map.entry("theme", "负载"),
                Map.entry("startsOn", today.minusDays(10).toString()), Map.entry("endsOn", today.plusDays(10).toString()),
                Map.entry("status", "ACTIVE"), Map.entry("county", COUNTY), Map.entry("submission", find(SUBMISSION, form))));
        String campaign = ok(made, 303).location().replaceAll("\\D*(\\d+).*", "$1");
        Browser clerk = new Browser(base).login("coordinator", PASSWORD);
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Browser.Page blank = ok(clerk.get("/campaigns/" + campaign + "/sessions/new"), 200);
            Browser.Page session = clerk.postMulti("/campaigns/" + campaign + "/sessions", List.of(
                    Map.entry("county", COUNTY), Map.entry("platform", "DOUYIN"), Map.entry("date", today.toString()),
                    Map.entry("start", String.format("%02d:00", 8 + i % 12)), Map.entry("end", String.format("%02d:50", 8 + i % 12)),
                    Map.entry("views", "1000"), Map.entry("submission", find(SUBMISSION, blank))));
            sessions.add(Long.parseLong(ok(session, 303).location().replaceAll("\\D*(\\d+).*", "$1")));
        }
        return sessions;
    }

    private static Browser.Page ok(Browser.Page page, int status) {
        if (page.status() != status) {
            throw new IllegalStateException("answered " + page.status() + " instead of " + status);
        }
        return page;
    }

    private static String find(Pattern pattern, Browser.Page page) {
        Matcher matcher = pattern.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("not on the page: " + pattern);
        }
        return matcher.group(1);
    }

    private static void report(Kind kind, int seconds) {
        List<Long> sorted = new ArrayList<>(kind.micros());
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%-14s no successful request, %d errors%n", kind.name(), kind.errors().get());
            return;
        }
        System.out.printf("%-14s %7d ok %5d errors %7.1f/s   p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n",
                kind.name(), sorted.size(), kind.errors().get(), sorted.size() / (double) seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1)) / 1000.0;
    }
}

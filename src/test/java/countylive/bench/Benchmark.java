package countylive.bench;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.account.AppUserAccess;
import countylive.ledger.Ledger;
import countylive.ledger.LineFigures;
import countylive.ledger.SalesGrid;
import countylive.support.Browser;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole benchmark of issue 15 in one run: each figure over HTTP beside its raw-SQL or
 * bare-library baseline, median and p95 of the timed runs after warm-up, and the ratio. Run it
 * with {@code bin/benchmark} (docs/performance.md). Plain main, not part of {@code mvn verify}.
 * <p>
 * Options: {@code --size 0.1m|1m|10m} (the data set, generated on first use), {@code --runs N}
 * and {@code --warmup N} (default 20 and 3), {@code --baseline-runs N} (default: --runs),
 * {@code --export-runs N} (default 5: each export takes seconds), {@code --import-runs N}
 * (default 20), {@code --skip a,b} to leave out parts: summary, overview, downloads, import.
 */
public final class Benchmark {

    private record Row(String what, String target, Timings.Figures figures, String baselineName,
                       Timings.Figures baseline, String unit, String verdict) {
    }

    private static final List<Row> rows = new ArrayList<>();
    private static final List<String> notes = new ArrayList<>();

    public static void main(String[] args) {
        BenchApp.exitAfter(() -> run(options(args)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("size", "1m", "runs", "20", "warmup", "3",
                "export-runs", "5", "import-runs", "20", "skip", ""));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bin/benchmark [--size 0.1m|1m|10m] [--runs N] [--warmup N]"
                        + " [--baseline-runs N] [--export-runs N] [--import-runs N] [--skip summary,overview,downloads,import]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        options.putIfAbsent("baseline-runs", options.get("runs"));
        return options;
    }

    private static void run(Map<String, String> options) throws Exception {
        String size = options.get("size");
        int runs = Integer.parseInt(options.get("runs"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int baselineRuns = Integer.parseInt(options.get("baseline-runs"));
        Set<String> skip = Set.of(options.get("skip").split(","));
        LocalDateTime began = LocalDateTime.now(ZoneOffset.UTC);
        BenchData.linesOf(size);
        try (BenchApp app = BenchApp.start(size, false)) {
            long campaign = Generate.ensure(app, size);
            if (app.longs("SELECT id FROM app_user WHERE username = 'bench2'").isEmpty()) {
                app.context.getBean(AppUserAccess.class).create("bench2", Role.ADMIN, BenchApp.PASSWORD, List.of());
            }
            long campaignLines = app.one("SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?", campaign);
            long allLines = app.one("SELECT COUNT(*) FROM sale_line");
            long campaigns = app.one("SELECT COUNT(DISTINCT campaign_id) FROM sale_line");
            notes.add(String.format(Locale.ROOT, "data set %s: %,d sale lines in %d campaigns; the main campaign has"
                    + " %,d lines", size, allLines, campaigns, campaignLines));
            Browser browser = new Browser(app.server.getURI()).login(BenchApp.USER, BenchApp.PASSWORD);
            Browser other = new Browser(app.server.getURI()).login("bench2", BenchApp.PASSWORD);
            RawSql raw = new RawSql(app.db);
            String path = "/campaigns/" + campaign + "/summary";

            if (!skip.contains("summary")) {
                Change change = new Change(app, campaign);
                // the change is made before the clock starts: only the page is timed
                List<Double> afterChange = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    change.make();
                    long started = System.nanoTime();
                    ok(browser.get(path));
                    if (i >= warmup) {
                        afterChange.add((System.nanoTime() - started) / 1e6);
                    }
                }
                Timings rawWhole = Timings.of(Math.min(1, warmup), baselineRuns, () -> raw.summary(campaign, null));
                add("summary of the main campaign, first view after a change", "p95 ≤ 100 ms",
                        new Timings(afterChange), "raw GROUP BY of the same figures", rawWhole, 100);
                // the same page again, unchanged: by the user who saw it and by another of the same role
                ok(browser.get(path));
                Browser[] viewers = {other, browser};
                int[] turn = {0};
                Timings cached = Timings.of(warmup, runs, () -> ok(viewers[turn[0]++ % 2].get(path)));
                add("same, unchanged since the last view (two users of the same role)", "p95 ≤ 20 ms", cached,
                        null, null, 20);

                // a different filter on each run: date ranges of 1 to 30 days across the period, and provinces
                List<String> filters = new ArrayList<>();
                List<RawSql.Filter> rawFilters = new ArrayList<>();
                LocalDate starts = LocalDate.parse(one(app, "SELECT starts_on FROM campaign WHERE id = ?", campaign));
                List<String> provinces = strings(app, "SELECT DISTINCT c.province_code FROM campaign_county cc JOIN county c"
                        + " ON c.code = cc.county_code WHERE cc.campaign_id = ? ORDER BY 1", campaign);
                for (int i = 0; i < warmup + runs; i++) {
                    if (i % 3 == 2) {
                        String province = provinces.get(i % provinces.size());
                        filters.add(path + "?province=" + province);
                        rawFilters.add(new RawSql.Filter(null, null, province));
                    } else {
                        LocalDate from = starts.plusDays((i * 7L) % 45);
                        LocalDate to = from.plusDays(i % 2 == 0 ? 6 : 29);
                        filters.add(path + "?from=" + from + "&to=" + to);
                        rawFilters.add(new RawSql.Filter(from, to, null));
                    }
                }
                int[] next = {0};
                Timings filtered = Timings.of(warmup, runs, () -> ok(browser.get(filters.get(next[0]++))));
                int[] rawNext = {0};
                Timings rawFiltered = Timings.of(Math.min(1, warmup), baselineRuns,
                        () -> raw.summary(campaign, rawFilters.get(rawNext[0]++ % rawFilters.size())));
                add("summary filtered to a date range (7 or 30 days) or a province, a new one each run",
                        "p95 ≤ 200 ms", filtered, "raw GROUP BY with the same filters", rawFiltered, 200);
            }

            if (!skip.contains("overview")) {
                // first view after a change: a change to the main campaign raises the national version,
                // so the overview is computed again; then unchanged (kept), as a user reading it twice
                Change change = new Change(app, campaign);
                List<Double> afterChange = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    change.make();
                    long started = System.nanoTime();
                    ok(browser.get("/summaries"));
                    if (i >= warmup) {
                        afterChange.add((System.nanoTime() - started) / 1e6);
                    }
                }
                Timings overview = Timings.of(warmup, runs, () -> ok(browser.get("/summaries")));
                Timings rawNational = Timings.of(Math.min(1, warmup), baselineRuns, raw::national);
                add(String.format(Locale.ROOT, "national overview over %,d lines in %d campaigns, first view after a"
                        + " change", allLines, campaigns), "p95 ≤ 100 ms", new Timings(afterChange), "raw national GROUP BY",
                        rawNational, 100);
                add("same, unchanged since the last view", "p95 ≤ 100 ms", overview, null, null, 100);
            }

            if (!skip.contains("downloads")) {
                Map<String, Timings.Figures> heap = new LinkedHashMap<>();
                // each part in a JVM of its own: one that runs out of its 64 MB leaves the others measured
                for (String part : List.of("export", "drained", "fastexcel", "workbook")) {
                    try {
                        heap.putAll(child(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Dbench.part=" + part,
                                "-Dbench.campaign=" + campaign, "-Dbench.runs=" + runs, "-Dbench.warmup=" + warmup,
                                "-Dbench.exportRuns=" + options.get("export-runs")), HeapCappedRuns.class,
                                Map.of("DB_URL", app.jdbcUrl(), "DB_USER", "root", "DB_PASSWORD", "")));
                    } catch (IllegalStateException e) {
                        notes.add(part + " at -Xmx64m failed: " + e.getMessage());
                    }
                }
                Timings.Figures total = heap.get("export complete");
                add(String.format(Locale.ROOT, "detail export of %,d lines at -Xmx64m, complete", campaignLines),
                        "≤ 12 s", total, "bare fastexcel writer on the lines read in index order",
                        heap.get("export baseline: bare fastexcel"), 12_000);
                add("detail export, first byte", "≤ 1 s", heap.get("export first byte"),
                        "the lines read in index order and drained", heap.get("export baseline: lines drained"), 1_000);
                add("summary workbook of the main campaign at -Xmx64m", "≤ 3 s", heap.get("summary workbook"), null, null,
                        3_000);
            }
        }

        Map<String, Timings.Figures> imports = Map.of();
        if (!skip.contains("import")) {
            try {
                imports = child(List.of("-Xmx512m", "-Dbench.importRuns=" + options.get("import-runs"),
                        "-Dbench.importWarmup=" + Math.min(2, warmup)), ImportBenchmark.class, Map.of());
            } catch (IllegalStateException e) {
                notes.add("the import benchmark failed: " + e.getMessage());
            }
        }
        if (!imports.isEmpty()) {
            Timings.Figures created = imports.get("import of a 100,000-row file (new lines)");
            Timings.Figures insert = imports.get("batched INSERT of the same 100,000 rows");
            rows.add(new Row("import of a 100,000-row file (2,000 sessions x 50 products), new lines", "≥ 20,000 rows/s",
                    created, "batched INSERT of the same rows", insert, "rows/s", verdict(100_000_000 / created.p95() >= 20_000)));
            Timings.Figures changed = imports.get("import of a 100,000-row file (every line changed)");
            if (changed != null) {
                rows.add(new Row("the same file over existing lines, every figure changed", "", changed,
                        null, null, "rows/s", ""));
            }
        }
        print(began);
    }

    private static void add(String what, String target, Timings timings, String baselineName, Timings baseline,
                            double limitP95) {
        add(what, target, timings.figures(), baselineName, baseline == null ? null : baseline.figures(), limitP95);
    }

    private static void add(String what, String target, Timings.Figures figures, String baselineName,
                            Timings.Figures baseline, double limitP95) {
        if (figures == null) {
            rows.add(new Row(what + " (failed, see the notes)", target, new Timings.Figures(Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0), baselineName, baseline, "ms", verdict(false)));
            return;
        }
        rows.add(new Row(what, target, figures, baselineName, baseline, "ms", verdict(figures.p95() <= limitP95)));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static void print(LocalDateTime began) {
        System.out.println();
        System.out.println("## Benchmark, " + began.withNano(0) + " UTC, " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version"));
        notes.forEach(note -> System.out.println("- " + note));
        System.out.println();
        System.out.println("| What | target | median | p95 | runs | baseline | baseline median | baseline p95 | ratio (baseline / ours, medians) | |");
        System.out.println("|---|---|---:|---:|---:|---|---:|---:|---:|---|");
        for (Row row : rows) {
            Timings.Figures f = row.figures();
            Timings.Figures b = row.baseline();
            boolean rate = row.unit().equals("rows/s");
            String median = rate ? rate(f.median()) : ms(f.median());
            String p95 = rate ? rate(f.p95()) : ms(f.p95());
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |%n", row.what(), row.target(),
                    median, p95, f.runs(), b == null ? "" : row.baselineName(),
                    b == null ? "" : rate ? rate(b.median()) : ms(b.median()),
                    b == null ? "" : rate ? rate(b.p95()) : ms(b.p95()),
                    b == null ? "" : String.format(Locale.ROOT, "%.2f", b.median() / f.median()), row.verdict());
        }
        System.out.println();
        System.out.println("Rates are rows per second of a 100,000-row file (p95: of the slowest 5 % of runs).");
    }

    private static String ms(double millis) {
        return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%,.1f ms", millis);
    }

    private static String rate(double millisFor100k) {
        return String.format(Locale.ROOT, "%,.0f rows/s (%.2f s)", 100_000 / millisFor100k * 1000, millisFor100k / 1000);
    }

    private static void ok(Browser.Page page) {
        if (page.status() != 200) {
            throw new IllegalStateException("status " + page.status());
        }
    }

    /** Runs a benchmark main in a JVM of its own and reads back its BENCH lines; its other output is passed on. */
    static Map<String, Timings.Figures> child(List<String> jvm, Class<?> main, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Dbench.data=" + BenchApp.dataRoot());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Map<String, Timings.Figures> figures = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                var parsed = Timings.Figures.parse(line);
                if (parsed != null) {
                    figures.put(parsed.getKey(), parsed.getValue());
                } else if (line.startsWith("  ") || line.contains("Exception") || line.contains("OutOfMemory")
                        || line.startsWith("import file")) {
                    System.out.println(line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + jvm + " failed (exit " + process.exitValue()
                    + (process.exitValue() == 3 ? ": out of memory" : "") + ")");
        }
        return figures;
    }

    private static String one(BenchApp app, String sql, Object parameter) throws Exception {
        return strings(app, sql, parameter).get(0);
    }

    private static List<String> strings(BenchApp app, String sql, Object parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = app.db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** A small change to the main campaign through the ledger: one line of one session, a unit more or less. */
    private static final class Change {
        private final BenchApp app;
        private final Ledger ledger;
        private final long session;
        private int count;

        Change(BenchApp app, long campaign) throws Exception {
            this.app = app;
            this.ledger = app.context.getBean(Ledger.class);
            this.session = app.one("SELECT MIN(id) FROM live_session WHERE campaign_id = ?", campaign);
        }

        void make() throws Exception {
            Map<Long, LineFigures> lines = new LinkedHashMap<>();
            try (Connection c = app.db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT product_id, units, orders, gross, refunds FROM sale_line WHERE session_id = ?")) {
                s.setLong(1, session);
                try (ResultSet rows = s.executeQuery()) {
                    boolean first = true;
                    while (rows.next()) {
                        long units = rows.getLong(2) + (first ? (count % 2 == 0 ? 1 : -1) : 0);
                        first = false;
                        lines.put(rows.getLong(1), new LineFigures(units, Math.min(units, rows.getLong(3)),
                                rows.getBigDecimal(4), rows.getBigDecimal(5)));
                    }
                }
            }
            int version = (int) app.one("SELECT version FROM live_session WHERE id = ?", session);
            ledger.saveSales(CurrentUser.system("benchmark"), new SalesGrid(session, version, lines, Set.copyOf(
                    lines.keySet()), Set.of()), null);
            count++;
        }
    }
}

package countylive.bench;

import countylive.support.Browser;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The downloads of the main campaign in a JVM of their own, started by {@link Benchmark} with
 * {@code -Xmx64m} and pointed at its database (DB_URL): the detail export of its 1,000,000
 * lines (first byte and complete) and its summary workbook, over HTTP; and the baselines, in the
 * same capped JVM: the campaign's lines read from sale_line in index order and drained, and the
 * same rows fed to a bare fastexcel writer. Prints {@code BENCH|…} lines.
 */
public final class HeapCappedRuns {

    public static void main(String[] args) {
        BenchApp.exitAfter(HeapCappedRuns::run);
    }

    private static void run() throws Exception {
        long campaign = Long.getLong("bench.campaign");
        int exportWarmup = Integer.getInteger("bench.exportWarmup", 1);
        int exportRuns = Integer.getInteger("bench.exportRuns", 5);
        int workbookWarmup = Integer.getInteger("bench.warmup", 3);
        int workbookRuns = Integer.getInteger("bench.runs", 20);
        String part = System.getProperty("bench.part", "export");
        try (BenchApp app = BenchApp.start("unused", false)) {
            Browser browser = new Browser(app.server.getURI()).login(BenchApp.USER, BenchApp.PASSWORD);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            URI export = app.server.getURI().resolve("/campaigns/" + campaign + "/sales.xlsx");
            URI workbook = app.server.getURI().resolve("/campaigns/" + campaign + "/summary.xlsx");
            resetPeaks();
            switch (part) {
                case "export" -> {
                    List<Double> firstBytes = new ArrayList<>();
                    List<Double> totals = new ArrayList<>();
                    for (int i = 0; i < exportWarmup + exportRuns; i++) {
                        double[] times = download(http, export, browser.cookieHeader());
                        System.out.printf(Locale.ROOT, "  export %d: first byte %.0f ms, complete %.0f ms, %,.0f bytes,"
                                + " heap pools' peaks summed so far %.0f MB%n", i + 1, times[0], times[1], times[2],
                                peakHeap() / 1048576.0);
                        if (i >= exportWarmup) {
                            firstBytes.add(times[0]);
                            totals.add(times[1]);
                        }
                    }
                    System.out.println(new Timings(totals).figures().line("export complete"));
                    System.out.println(new Timings(firstBytes).figures().line("export first byte"));
                }
                case "drained" -> System.out.println(Timings.of(exportWarmup, exportRuns, () -> lines(app, campaign, null))
                        .figures().line("export baseline: lines drained"));
                case "fastexcel" -> System.out.println(Timings.of(exportWarmup, exportRuns,
                        () -> lines(app, campaign, new CountingStream())).figures().line("export baseline: bare fastexcel"));
                case "workbook" -> System.out.println(Timings.of(workbookWarmup, workbookRuns, () -> download(http,
                        workbook, browser.cookieHeader())).figures().line("summary workbook"));
                default -> throw new IllegalArgumentException("part " + part);
            }
            System.out.printf(Locale.ROOT, "  %s: heap pools' peaks summed %.0f MB (each pool peaks at its own"
                    + " moment), heap cap %.0f MB held%n", part, peakHeap() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }
    }

    /** First byte, complete (ms) and bytes of one download, read as it arrives. */
    private static double[] download(HttpClient http, URI uri, String cookies) throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("Cookie", cookies)
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        double first = -1;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (first < 0 && n > 0) {
                    first = (System.nanoTime() - started) / 1e6;
                }
                bytes += n;
            }
        }
        return new double[] {first, (System.nanoTime() - started) / 1e6, bytes};
    }

    /** The campaign's lines in index order, streamed; written to a bare fastexcel sheet when out is given. */
    private static void lines(BenchApp app, long campaign, CountingStream out) throws Exception {
        try (Connection c = app.db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id, session_id, county_code, live_date, product_id, on_behalf, units, orders, gross, refunds
                FROM sale_line WHERE campaign_id = ? ORDER BY campaign_id, county_code, live_date""",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            s.setLong(1, campaign);
            Workbook book = out == null ? null : new Workbook(out, "bench", "1.0");
            Worksheet sheet = book == null ? null : book.newWorksheet("lines");
            long count = 0;
            try (ResultSet rows = s.executeQuery()) {
                int r = 0;
                while (rows.next()) {
                    count++;
                    if (sheet == null) {
                        for (int i = 1; i <= 10; i++) {
                            rows.getObject(i);
                        }
                        continue;
                    }
                    r++;
                    sheet.value(r, 0, rows.getLong(1));
                    sheet.value(r, 1, rows.getLong(2));
                    sheet.value(r, 2, rows.getString(3));
                    sheet.value(r, 3, rows.getDate(4).toLocalDate());
                    sheet.value(r, 4, rows.getLong(5));
                    sheet.value(r, 5, rows.getBoolean(6) ? "是" : "");
                    sheet.value(r, 6, rows.getLong(7));
                    sheet.value(r, 7, rows.getLong(8));
                    sheet.value(r, 8, rows.getBigDecimal(9));
                    sheet.value(r, 9, rows.getBigDecimal(10));
                    if (r % 1000 == 0) {
                        sheet.flush();
                    }
                }
            }
            if (book != null) {
                sheet.finish();
                book.finish();
            }
            if (count == 0) {
                throw new IllegalStateException("no lines");
            }
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * The heap pools' peak uses added up: above the cap when the young and old pools peak at
     * different moments, so an upper bound of the live heap, not a reading of it. The cap itself is
     * proven by the run finishing: the JVM runs with -XX:+ExitOnOutOfMemoryError.
     */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Where the bare writer's workbook goes: counted, not kept. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

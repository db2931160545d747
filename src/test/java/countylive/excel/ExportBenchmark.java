package countylive.excel;

import countylive.access.Role;
import countylive.account.AppUserAccess;
import countylive.support.Browser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Times, in one JVM (run it with {@code -Xmx64m}: the application server runs inside it), the
 * detail export of the campaign with 1,000,000 sale lines and its summary workbook, beside two
 * baselines: the export's bare query drained, and a bare fastexcel writer on that query. Not a JUnit
 * test; it needs the benchmark database of {@code countylive.summary.SummaryBenchmark}
 * (.data/bench-mariadb, generated on its first run):
 * <pre>java -Xmx64m -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) countylive.excel.ExportBenchmark</pre>
 * {@code -Dbench.runs} (default 5) sets the timed runs of each, after one warm-up run;
 * {@code -Dbench.parts} chooses among query,fastexcel,export,summary and verify (one download read
 * back: its rows counted and its gross column added up against SQL).
 */
public final class ExportBenchmark {

    static final String CAMPAIGN = "基准：一百万条销售记录";
    static final int RUNS = Integer.getInteger("bench.runs", 5);

    /** The export's own query, as SalesExport sends it for a whole campaign. */
    static final String BARE_QUERY = "SELECT l.campaign_id, l.live_date, l.county_code, l.session_id, l.product_id,"
            + " l.on_behalf, l.units, l.orders, l.gross, l.refunds"
            + " FROM live_session s STRAIGHT_JOIN sale_line l ON l.session_id = s.id"
            + " WHERE s.campaign_id = ? AND l.campaign_id = s.campaign_id"
            + " ORDER BY s.campaign_id, s.live_date, s.county_code, s.id";

    public static void main(String[] args) throws Exception {
        if (System.getProperty("countylive.db.dir") == null && System.getenv("DB_URL") == null) {
            System.setProperty("countylive.db.dir", ".data/bench-mariadb");
        }
        System.out.printf("max heap: %d MB%n", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        List<String> parts = List.of(System.getProperty("bench.parts", "query,fastexcel,export,summary").split(","));
        try (ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                .properties(Map.of("countylive.demo", false, "micronaut.server.port", -1)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            DataSource db = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            long campaign = number(db, "SELECT id FROM campaign WHERE name = ?", CAMPAIGN);
            long lines = number(db, "SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?", campaign);
            if (number(db, "SELECT COUNT(*) FROM app_user WHERE username = ?", "bench") == 0) {
                context.getBean(AppUserAccess.class).create("bench", Role.ADMIN, "bench-password-1", List.of());
            }
            Browser browser = new Browser(server.getURI()).login("bench", "bench-password-1");
            System.out.printf("campaign %d: %,d lines; %d timed runs each after one warm-up%n", campaign, lines, RUNS);
            if (parts.contains("query")) {
                report("bare query drained", time(() -> drain(db, campaign, null)));
            }
            if (parts.contains("fastexcel")) {
                report("bare fastexcel writer on the bare query", time(() -> drain(db, campaign, new CountingSink())));
            }
            if (parts.contains("export")) {
                download(server, browser, "/campaigns/" + campaign + "/sales.xlsx", "detail export (sales.xlsx)");
            }
            if (parts.contains("verify")) {
                verify(server, browser, db, campaign);
            }
            if (parts.contains("summary")) {
                download(server, browser, "/campaigns/" + campaign + "/summary.xlsx", "summary workbook (summary.xlsx)");
            }
        }
        // the HTTP client's and the server's worker threads would keep the JVM alive
        System.exit(0);
    }

    /**
     * Downloads the export once and reads it back with POI's event reader: as many rows as lines,
     * and its gross column adds up to the campaign's gross in SQL, to the fen.
     */
    private static void verify(EmbeddedServer server, Browser browser, DataSource db, long campaign) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "export-check.xlsx");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/campaigns/" + campaign + "/sales.xlsx"))
                .header("Cookie", browser.cookieHeader()).header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofFile(file));
        long[] rows = {0};
        java.math.BigDecimal[] gross = {java.math.BigDecimal.ZERO};
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(file.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var strings = new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(pkg);
            var handler = new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                    new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) {
                            rows[0]++;
                        }

                        @Override
                        public void endRow(int rowNum) {
                        }

                        @Override
                        public void cell(String ref, String formatted, org.apache.poi.xssf.usermodel.XSSFComment comment) {
                        }
                    }, new org.apache.poi.ss.usermodel.DataFormatter(), false) {
                private boolean grossCell;
                private final StringBuilder value = new StringBuilder();
                private int column;

                @Override
                public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes)
                        throws org.xml.sax.SAXException {
                    if ("row".equals(localName)) {
                        column = -1;
                    } else if ("c".equals(localName)) {
                        String ref = attributes.getValue("r");
                        column = ref == null ? column + 1 : new org.apache.poi.ss.util.CellReference(ref).getCol();
                        grossCell = column == 14;
                        value.setLength(0);
                    }
                    super.startElement(uri, localName, qName, attributes);
                }

                @Override
                public void characters(char[] ch, int start, int length) throws org.xml.sax.SAXException {
                    if (grossCell) {
                        value.append(ch, start, length);
                    }
                    super.characters(ch, start, length);
                }

                @Override
                public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
                    if ("c".equals(localName) && grossCell && rows[0] > 1) {
                        gross[0] = gross[0].add(new java.math.BigDecimal(value.toString()));
                        grossCell = false;
                    }
                    super.endElement(uri, localName, qName);
                }
            };
            var parser = org.apache.poi.util.XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new org.xml.sax.InputSource(sheet));
            }
        }
        long lines = number(db, "SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?", campaign);
        java.math.BigDecimal expected;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT SUM(gross) FROM sale_line WHERE campaign_id = ?")) {
            s.setLong(1, campaign);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                expected = r.getBigDecimal(1);
            }
        }
        System.out.printf("read back: %,d rows (header + %,d lines, SQL %,d); gross %s (SQL %s): %s%n", rows[0], rows[0] - 1,
                lines, gross[0].toPlainString(), expected.toPlainString(),
                rows[0] - 1 == lines && gross[0].compareTo(expected) == 0 ? "complete and exact" : "MISMATCH");
        java.nio.file.Files.delete(file);
    }

    /** Reads every row of the bare query, and with a sink writes its columns with fastexcel. */
    private static long drain(DataSource db, long campaign, CountingSink sink) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(BARE_QUERY, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            s.setLong(1, campaign);
            try (ResultSet r = s.executeQuery()) {
                if (sink == null) {
                    long rows = 0;
                    while (r.next()) {
                        r.getLong(1);
                        r.getString(2);
                        r.getString(3);
                        r.getLong(4);
                        r.getLong(5);
                        r.getBoolean(6);
                        r.getLong(7);
                        r.getLong(8);
                        r.getBigDecimal(9);
                        r.getBigDecimal(10);
                        rows++;
                    }
                    return rows;
                }
                org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(sink, "bench", "1.0");
                org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("lines");
                int row = 0;
                while (r.next()) {
                    sheet.value(row, 0, r.getLong(1));
                    sheet.value(row, 1, r.getObject(2, java.time.LocalDate.class));
                    sheet.value(row, 2, r.getString(3));
                    sheet.value(row, 3, r.getLong(4));
                    sheet.value(row, 4, r.getLong(5));
                    sheet.value(row, 5, r.getBoolean(6));
                    sheet.value(row, 6, r.getLong(7));
                    sheet.value(row, 7, r.getLong(8));
                    sheet.value(row, 8, r.getBigDecimal(9));
                    sheet.value(row, 9, r.getBigDecimal(10));
                    if (++row % 1024 == 0) {
                        sheet.flush();
                    }
                }
                workbook.finish();
                return sink.bytes;
            }
        }
    }

    /** Downloads over HTTP as a browser would, timing the first byte and the whole; checks the read-back rows. */
    private static void download(EmbeddedServer server, Browser browser, String path, String what) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Long> firstBytes = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> totals = new ArrayList<>();
        long peak = 0;
        long size = 0;
        for (int run = 0; run <= RUNS; run++) {
            resetPeaks();
            long started = System.nanoTime();
            long cpuStarted = os.getProcessCpuTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Cookie", browser.cookieHeader()).header("Accept", "*/*").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long firstByte = -1;
            long bytes = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (firstByte < 0) {
                        firstByte = System.nanoTime() - started;
                    }
                    bytes += n;
                }
            }
            long total = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (run > 0) {
                firstBytes.add(firstByte / 1_000_000);
                totals.add(total / 1_000_000);
                cpu.add((os.getProcessCpuTime() - cpuStarted) / 1_000_000);
                peak = Math.max(peak, peakHeap());
                size = bytes;
            }
        }
        System.out.printf("%s: %,d bytes, peak heap %d MB%n", what, size, peak / 1024 / 1024);
        report("  first byte", firstBytes);
        report("  complete", totals);
        // this JVM's CPU time (server and client threads, GC): the machine may be shared
        report("  CPU time of this JVM", cpu);
    }

    @FunctionalInterface
    private interface Timed {
        long run() throws Exception;
    }

    private static List<Long> time(Timed task) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            resetPeaks();
            long started = System.nanoTime();
            long count = task.run();
            if (run > 0) {
                millis.add((System.nanoTime() - started) / 1_000_000);
            } else {
                System.out.printf("  (warm-up: %,d rows or bytes, peak heap %d MB)%n", count, peakHeap() / 1024 / 1024);
            }
        }
        return millis;
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf("%-45s median %,6d ms  p95 %,6d ms  runs %s%n", what, median, p95, millis);
    }

    /** Counts what is written and keeps nothing. */
    private static final class CountingSink extends OutputStream {
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

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static long number(DataSource db, String sql, Object... parameters) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

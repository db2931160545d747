package countylive.excel;

import countylive.account.AppUserAccess;
import countylive.access.Role;
import countylive.support.Browser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.ss.usermodel.Row;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the detail export of a campaign with 1,000,000 sale lines under a small heap, and the
 * import of 10,000 rows. Not a JUnit test: it needs the benchmark database that
 * {@code countylive.summary.SummaryBenchmark} generates (.data/bench-mariadb). Run it with the
 * heap capped, as docs/performance.md shows:
 * <pre>java -Xmx256m -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) countylive.excel.ExcelBenchmark</pre>
 */
public final class ExcelBenchmark {

    static final String CAMPAIGN = "基准：一百万条销售记录";
    static final String IMPORT_CAMPAIGN = "基准：导入一万行";
    static final String IMPORT_COUNTY = "421124";

    public static void main(String[] args) throws Exception {
        if (System.getProperty("countylive.db.dir") == null && System.getenv("DB_URL") == null) {
            System.setProperty("countylive.db.dir", ".data/bench-mariadb");
        }
        System.out.printf("max heap: %d MB%n", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        try (ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                .properties(Map.of("countylive.demo", false, "micronaut.server.port", -1)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            DataSource db = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            long campaign = id(db, "SELECT id FROM campaign WHERE name = ?", CAMPAIGN);
            if (id(db, "SELECT COUNT(*) FROM app_user WHERE username = 'bench'") == 0) {
                context.getBean(AppUserAccess.class).create("bench", Role.ADMIN, "bench-password-1", List.of());
            }
            Browser browser = new Browser(server.getURI()).login("bench", "bench-password-1");
            // -Dbench.parts=import measures the import alone (the export takes minutes)
            List<String> parts = List.of(System.getProperty("bench.parts", "export,import").split(","));
            if (parts.contains("export")) {
                export(server, browser, campaign, db);
            }
            if (parts.contains("import")) {
                importRows(server, browser, db);
            }
        }
        // the HTTP client's and the server's worker threads would keep the JVM alive
        System.exit(0);
    }

    private static void export(EmbeddedServer server, Browser browser, long campaign, DataSource db) throws Exception {
        long lines = id(db, "SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?", campaign);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long tempBefore = poiTempFiles(tmp);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        for (int run = 1; run <= 3; run++) {
            resetPeaks();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            server.getURI().resolve("/campaigns/" + campaign + "/sales.xlsx"))
                    .header("Cookie", browser.cookieHeader()).header("Accept", "*/*").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Path file = Files.createTempFile(Path.of("target"), "export", ".xlsx");
            long firstByte = -1;
            long bytes = 0;
            try (InputStream in = response.body(); var out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (firstByte < 0) {
                        firstByte = System.nanoTime() - started;
                    }
                    out.write(buffer, 0, n);
                    bytes += n;
                }
            }
            long total = System.nanoTime() - started;
            System.out.printf("export run %d: status %d, %,d lines, %,d bytes, first byte %d ms, complete %d ms, "
                            + "peak heap %d MB%n", run, response.statusCode(), lines, bytes, firstByte / 1_000_000,
                    total / 1_000_000, peakHeap() / 1024 / 1024);
            if (run == 1) {
                verifyRows(file, lines);
            }
            Files.delete(file);
        }
        System.out.printf("POI temporary files in %s: before %d, after %d%n", tmp, tempBefore, poiTempFiles(tmp));
    }

    /** Reads the downloaded workbook back with POI's streaming reader: every line is there. */
    private static void verifyRows(Path file, long lines) throws Exception {
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(file.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            try (InputStream sheet = reader.getSheetsData().next()) {
                // count the row elements as the XML streams past: the sheet is far larger than the heap
                byte[] pattern = "<row ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] buffer = new byte[1 << 16];
                long rows = 0;
                int matched = 0;
                for (int n; (n = sheet.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        matched = buffer[i] == pattern[matched] ? matched + 1 : (buffer[i] == pattern[0] ? 1 : 0);
                        if (matched == pattern.length) {
                            rows++;
                            matched = 0;
                        }
                    }
                }
                System.out.printf("read back: %,d rows (1 header + %,d lines): %s%n", rows, rows - 1,
                        rows - 1 == lines ? "complete" : "MISMATCH");
            }
        } catch (OutOfMemoryError e) {
            System.out.println("read back skipped: the check itself does not fit this heap");
        }
    }

    private static void importRows(EmbeddedServer server, Browser browser, DataSource db) throws Exception {
        long campaign = importCampaign(db);
        List<long[]> sessions = new ArrayList<>();
        for (long s : ids(db, "SELECT id FROM live_session WHERE campaign_id = " + campaign + " ORDER BY id")) {
            sessions.add(new long[]{s});
        }
        List<Long> products = ids(db, "SELECT id FROM product WHERE county_code = '" + IMPORT_COUNTY
                + "' AND name LIKE '基准导入商品%' ORDER BY id");
        for (int run = 1; run <= 3; run++) {
            byte[] file = importFile(sessions, products, run);
            browser.get("/campaigns/" + campaign + "/import");
            long started = System.nanoTime();
            Browser.Page page = Uploads.upload(browser, server.getURI(), "/campaigns/" + campaign + "/import",
                    Map.of("csrf", browser.csrfToken(), "county", IMPORT_COUNTY, "confirm", "yes"), "bench-" + run + ".xlsx", file);
            long took = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("import run %d: %,d rows, %,d bytes, status %d, %d ms, lines in campaign %d%n", run,
                    sessions.size() * products.size(), file.length, page.status(), took,
                    id(db, "SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?", campaign));
        }
    }

    /** 200 sessions × 50 products of one county: 10,000 distinct rows. */
    private static long importCampaign(DataSource db) throws Exception {
        long existing = id(db, "SELECT COUNT(*) FROM campaign WHERE name = ?", IMPORT_CAMPAIGN);
        if (existing == 0) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) VALUES ('"
                        + IMPORT_CAMPAIGN + "', '2024-01-01', '2024-03-31', 'ACTIVE', NOW(), NOW())");
                s.executeUpdate("INSERT INTO campaign_county (campaign_id, county_code) SELECT id, '" + IMPORT_COUNTY + "' FROM campaign WHERE name = '"
                        + IMPORT_CAMPAIGN + "'");
                for (int i = 0; i < 200; i++) {
                    String day = java.time.LocalDate.of(2024, 1, 1).plusDays(i % 90).toString();
                    s.executeUpdate("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, "
                            + "ends_at, created_at, updated_at) SELECT id, '" + IMPORT_COUNTY + "', 'DOUYIN', '" + day
                            + "', '" + day + " 19:00', '" + day + " 21:00', NOW(), NOW() FROM campaign WHERE name = '"
                            + IMPORT_CAMPAIGN + "'");
                }
                for (int i = 0; i < 50; i++) {
                    s.executeUpdate("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, "
                            + "updated_at) VALUES ('基准导入商品" + i + "', '茶叶', '盒', 100.00, '" + IMPORT_COUNTY
                            + "', NOW(), NOW())");
                }
            }
        }
        return id(db, "SELECT id FROM campaign WHERE name = ?", IMPORT_CAMPAIGN);
    }

    private static byte[] importFile(List<long[]> sessions, List<Long> products, int run) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("说明");
            XSSFSheet data = workbook.createSheet("销售");
            data.createRow(0).createCell(0).setCellValue("直播场次");
            int r = 1;
            for (long[] session : sessions) {
                for (long product : products) {
                    Row row = data.createRow(r++);
                    row.createCell(0).setCellValue(session[0] + " · 基准");
                    row.createCell(1).setCellValue(product + " · 基准导入商品");
                    row.createCell(2).setCellValue(10 + run);
                    row.createCell(3).setCellValue(9);
                    row.createCell(4).setCellValue(1000 + run + 0.5);
                    row.createCell(5).setCellValue(0);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static long poiTempFiles(Path tmp) throws Exception {
        Path poi = tmp.resolve("poifiles");
        if (!Files.isDirectory(poi)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(poi)) {
            return files.count();
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

    private static long id(DataSource db, String sql, Object... parameters) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("nothing for " + sql + ": generate the data with SummaryBenchmark first");
                }
                return r.getLong(1);
            }
        }
    }

    private static List<Long> ids(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<Long> ids = new ArrayList<>();
            while (r.next()) {
                ids.add(r.getLong(1));
            }
            return ids;
        }
    }
}

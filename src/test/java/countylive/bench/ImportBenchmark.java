package countylive.bench;

import countylive.access.CurrentUser;
import countylive.host.Platform;
import countylive.ledger.CampaignLoad;
import countylive.ledger.Ledger;
import countylive.ledger.SessionDraft;
import countylive.support.Browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Times the sales import of a 100,000-row workbook (2,000 sessions x 50 products of one county)
 * over HTTP, from the start of the upload to the report page, against a batched INSERT of the
 * same rows into sale_line over JDBC. Its own database, {@code <bench data>/import}, made afresh
 * on each run. Before each timed import the lines of the previous one are removed directly (a
 * benchmark's tidying, not the application's), so every import writes 100,000 new lines into a
 * table of the same size; the "changed" runs import over lines that exist, every figure changed.
 * Prints {@code BENCH|…} lines for {@link Benchmark}.
 */
public final class ImportBenchmark {

    static final String COUNTY = "421124";
    static final int SESSIONS = 2_000;
    static final int PRODUCTS = 50;
    static final int WARMUP = Integer.getInteger("bench.importWarmup", 2);
    static final int RUNS = Integer.getInteger("bench.importRuns", 20);
    static final int CHANGED_RUNS = Integer.getInteger("bench.importChangedRuns", 5);

    public static void main(String[] args) {
        BenchApp.exitAfter(ImportBenchmark::run);
    }

    private static void run() throws Exception {
        try (BenchApp app = BenchApp.start("import", !Boolean.getBoolean("bench.keep"))) {
            long campaign = campaign(app);
            List<Long> sessions = sessions(app, campaign);
            List<Long> products = app.longs("SELECT id FROM product WHERE county_code = ? AND name LIKE '基准导入商品%'"
                    + " ORDER BY id", COUNTY);
            Browser browser = new Browser(app.server.getURI()).login(BenchApp.USER, BenchApp.PASSWORD);
            browser.timeout(java.time.Duration.ofMinutes(5));
            int[] run = {0};
            byte[] first = file(sessions, products, 0);
            System.out.printf("import file: %,d rows, %,d bytes (the upload limit is 5 MB: %,d bytes)%n",
                    sessions.size() * products.size(), first.length, 5 * 1024 * 1024);

            List<Double> created = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                clear(app, campaign);
                byte[] file = file(sessions, products, ++run[0]);
                long started = System.nanoTime();
                upload(browser, app.server.getURI(), campaign, file);
                double took = (System.nanoTime() - started) / 1e6;
                System.out.printf("  import %d (new lines): %.0f ms%n", i + 1, took);
                if (i >= WARMUP) {
                    created.add(took);
                }
            }
            long lines = app.one("SELECT COUNT(*) FROM sale_line WHERE campaign_id = ?", campaign);
            if (lines != (long) SESSIONS * PRODUCTS) {
                throw new IllegalStateException("the import left " + lines + " lines");
            }
            print("import of a 100,000-row file (new lines)", new Timings(created));

            List<Double> changed = new ArrayList<>();
            for (int i = 0; i < CHANGED_RUNS; i++) {
                byte[] file = file(sessions, products, ++run[0]);
                long started = System.nanoTime();
                upload(browser, app.server.getURI(), campaign, file);
                double took = (System.nanoTime() - started) / 1e6;
                System.out.printf("  import %d (every line changed): %.0f ms%n", i + 1, took);
                changed.add(took);
            }
            if (!changed.isEmpty()) {
                print("import of a 100,000-row file (every line changed)", new Timings(changed));
            }

            List<Double> inserts = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                clear(app, campaign);
                double took = insert(app, campaign, sessions, products, ++run[0]);
                System.out.printf("  batched INSERT %d: %.0f ms%n", i + 1, took);
                if (i >= WARMUP) {
                    inserts.add(took);
                }
            }
            print("batched INSERT of the same 100,000 rows", new Timings(inserts));
        }
    }

    private static void print(String name, Timings timings) {
        Timings.Figures f = timings.figures();
        System.out.printf("%-50s median %8.0f ms  p95 %8.0f ms  = %,.0f rows/s (median), %,.0f rows/s (p95)%n", name,
                f.median(), f.p95(), SESSIONS * PRODUCTS / f.median() * 1000, SESSIONS * PRODUCTS / f.p95() * 1000);
        System.out.println(f.line(name));
    }

    private static void upload(Browser browser, URI base, long campaign, byte[] file) {
        browser.get("/campaigns/" + campaign + "/import");
        Browser.Page page = upload(browser, base, "/campaigns/" + campaign + "/import",
                Map.of("csrf", browser.csrfToken(), "county", COUNTY, "confirm", "yes"),
                "bench-" + UUID.randomUUID() + ".xlsx", file);
        if (page.status() != 200) {
            String body = page.body();
            throw new IllegalStateException("import answered " + page.status() + ": "
                    + body.substring(0, Math.min(2000, body.length())));
        }
    }

    static Browser.Page upload(Browser browser, URI base, String path, Map<String, String> fields, String fileName,
                               byte[] file) {
        String boundary = "----countylive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** An open campaign of one county with 50 products that have a reference price; made once. */
    private static long campaign(BenchApp app) throws SQLException {
        List<Long> existing = app.longs("SELECT id FROM campaign WHERE name = '基准：导入'");
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        try (Connection c = app.db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) VALUES"
                    + " ('基准：导入', '2024-01-01', '2024-12-31', 'ACTIVE', NOW(), NOW())");
            s.executeUpdate("INSERT INTO campaign_county (campaign_id, county_code) SELECT id, '" + COUNTY
                    + "' FROM campaign WHERE name = '基准：导入'");
            for (int i = 0; i < PRODUCTS; i++) {
                s.executeUpdate("INSERT INTO product (name, category, unit, reference_price, county_code, created_at,"
                        + " updated_at) VALUES ('基准导入商品" + i + "', '茶叶', '盒', 100.00, '" + COUNTY + "', NOW(), NOW())");
            }
        }
        return app.one("SELECT id FROM campaign WHERE name = '基准：导入'");
    }

    /** The campaign's 2,000 sessions, made through the ledger on the first run. */
    private static List<Long> sessions(BenchApp app, long campaign) throws SQLException {
        List<Long> sessions = app.longs("SELECT id FROM live_session WHERE campaign_id = ? ORDER BY id", campaign);
        if (sessions.size() >= SESSIONS) {
            return sessions.subList(0, SESSIONS);
        }
        List<CampaignLoad.Session> drafts = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(i % 360);
            drafts.add(new CampaignLoad.Session(new SessionDraft(campaign, COUNTY, Platform.DOUYIN,
                    day.atTime(8 + i % 12, 0), day.atTime(10 + i % 12, 0), null, null, null, null, Set.of(), Set.of(),
                    null), Map.of()));
        }
        app.context.getBean(Ledger.class).load(CurrentUser.system("benchmark"), new CampaignLoad(campaign, drafts,
                List.of()));
        return app.longs("SELECT id FROM live_session WHERE campaign_id = ? ORDER BY id", campaign);
    }

    /**
     * The template's data sheet as a user sends it back: a row per session and product, picked as
     * "id · …", figures as numbers, strings shared as Excel saves them. Written as the package's
     * XML directly (POI's in-memory workbook takes a gigabyte and many seconds for this, and its
     * streaming one writes zip entries that the upload check cannot read). Each run's figures
     * differ, so the same-file check never short-cuts an upload.
     */
    public static byte[] file(List<Long> sessions, List<Long> products, int run) throws IOException {
        List<String> strings = new ArrayList<>();
        Map<String, Integer> index = new java.util.HashMap<>();
        java.util.function.Function<String, Integer> shared = text -> index.computeIfAbsent(text, t -> {
            strings.add(t);
            return strings.size() - 1;
        });
        StringBuilder sheet = new StringBuilder(16 * 1024 * 1024);
        sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        String[] names = {"直播场次", "商品", "成交件数", "订单数", "成交金额", "退款金额", "代销"};
        sheet.append("<row r=\"1\">");
        for (int i = 0; i < names.length; i++) {
            sheet.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"s\"><v>").append(shared.apply(names[i]))
                    .append("</v></c>");
        }
        sheet.append("</row>");
        int r = 2;
        for (long session : sessions) {
            int sessionCell = shared.apply(session + " · 2024-01-01 19:00");
            for (int k = 0; k < products.size(); k++, r++) {
                long units = 10 + (run + k) % 7;
                sheet.append("<row r=\"").append(r).append("\">");
                sheet.append("<c r=\"A").append(r).append("\" t=\"s\"><v>").append(sessionCell).append("</v></c>");
                sheet.append("<c r=\"B").append(r).append("\" t=\"s\"><v>")
                        .append(shared.apply(products.get(k) + " · 基准导入商品" + k)).append("</v></c>");
                sheet.append("<c r=\"C").append(r).append("\"><v>").append(units).append("</v></c>");
                sheet.append("<c r=\"D").append(r).append("\"><v>").append(units - 1).append("</v></c>");
                sheet.append("<c r=\"E").append(r).append("\"><v>").append(units * 100 + run % 50).append(".5</v></c>");
                sheet.append("<c r=\"F").append(r).append("\"><v>").append(k % 10 == 0 ? 10 : 0).append("</v></c>");
                sheet.append("</row>");
            }
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size()
                + "\" uniqueCount=\"" + strings.size() + "\">");
        strings.forEach(text -> sst.append("<si><t>").append(text).append("</t></si>"));
        sst.append("</sst>");
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>"
                + "<sheet name=\"说明\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"销售\" sheetId=\"2\" r:id=\"rId2\"/>"
                + "</sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"" + main + "\"><sheetData/></worksheet>");
        parts.put("xl/worksheets/sheet2.xml", sheet.toString());
        parts.put("xl/sharedStrings.xml", sst.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The baseline: the same rows as one batched INSERT (multi-row statements), committed. */
    private static double insert(BenchApp app, long campaign, List<Long> sessions, List<Long> products, int run)
            throws SQLException {
        Map<Long, LocalDate> days = new java.util.HashMap<>();
        try (Connection c = app.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, live_date FROM live_session WHERE campaign_id = ?")) {
            s.setLong(1, campaign);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    days.put(rows.getLong(1), rows.getObject(2, LocalDate.class));
                }
            }
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        long started = System.nanoTime();
        try (Connection c = app.db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, on_behalf, units,
                                           orders, gross, refunds, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, 0, ?, ?)""")) {
                int inBatch = 0;
                for (long session : sessions) {
                    for (int k = 0; k < products.size(); k++) {
                        long units = 10 + (run + k) % 7;
                        s.setLong(1, session);
                        s.setLong(2, campaign);
                        s.setString(3, COUNTY);
                        s.setObject(4, java.sql.Date.valueOf(days.get(session)));
                        s.setLong(5, products.get(k));
                        s.setLong(6, units);
                        s.setLong(7, units - 1);
                        s.setBigDecimal(8, BigDecimal.valueOf(units * 100 + run % 50).add(new BigDecimal("0.5")));
                        s.setBigDecimal(9, BigDecimal.valueOf(k % 10 == 0 ? 10 : 0));
                        s.setTimestamp(10, now);
                        s.setTimestamp(11, now);
                        s.addBatch();
                        if (++inBatch == 1000) {
                            s.executeBatch();
                            inBatch = 0;
                        }
                    }
                }
                if (inBatch > 0) {
                    s.executeBatch();
                }
            }
            c.commit();
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /** Removes the campaign's lines, their rollups and their audit entries (untimed tidying between runs). */
    private static void clear(BenchApp app, long campaign) throws SQLException {
        try (Connection c = app.db.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("sale_line", "session_sales", "county_day_sales", "product_sales",
                    "host_sales", "official_sales")) {
                s.executeUpdate("DELETE FROM " + table + " WHERE campaign_id = " + campaign);
            }
            s.executeUpdate("DELETE FROM audit_event WHERE entity_type = 'sale_line'");
        }
    }
}

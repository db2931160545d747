package countylive.excel;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.account.AppUserAccess;
import countylive.host.Platform;
import countylive.ledger.CampaignLoad;
import countylive.ledger.Ledger;
import countylive.ledger.SessionDraft;
import countylive.support.Browser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Times the two writes of a coordinator's day over HTTP: saving a session's sales grid of 50
 * products, and importing a workbook of 10,000 rows (200 sessions x 50 products). Its own
 * database (.data/write-bench-mariadb), made on the first run. Not a JUnit test: run it on
 * purpose with the commands in docs/performance.md ("Writes").
 */
public final class WriteBenchmark {

    static final String CAMPAIGN = "基准：写入";
    static final String COUNTY = "421124";
    static final int GRID_RUNS = Integer.getInteger("bench.gridRuns", 20);
    static final int IMPORT_RUNS = Integer.getInteger("bench.importRuns", 5);

    public static void main(String[] args) throws Exception {
        if (System.getProperty("countylive.db.dir") == null && System.getenv("DB_URL") == null) {
            System.setProperty("countylive.db.dir", ".data/write-bench-mariadb");
        }
        try (ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                .properties(Map.of("countylive.demo", false, "micronaut.server.port", -1)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            DataSource db = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            if (ids(db, "SELECT id FROM app_user WHERE username = 'bench'").isEmpty()) {
                context.getBean(AppUserAccess.class).create("bench", Role.ADMIN, "bench-password-1", List.of());
            }
            long campaign = campaign(db, context.getBean(Ledger.class));
            List<Long> sessions = ids(db, "SELECT id FROM live_session WHERE campaign_id = " + campaign + " ORDER BY id");
            List<Long> products = ids(db, "SELECT id FROM product WHERE county_code = '" + COUNTY + "' AND name LIKE '基准写入商品%' ORDER BY id");
            Browser browser = new Browser(server.getURI()).login("bench", "bench-password-1");

            List<Long> grid = new ArrayList<>();
            for (int run = -3; run < GRID_RUNS; run++) {
                long session = sessions.get(Math.floorMod(run, sessions.size()));
                String page = browser.get("/sessions/" + session + "/sales").body();
                String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
                List<Map.Entry<String, String>> form = new ArrayList<>();
                form.add(Map.entry("version", version));
                form.add(Map.entry("submission", UUID.randomUUID().toString()));
                for (long product : products) {
                    form.add(Map.entry("product", String.valueOf(product)));
                    form.add(Map.entry("units", String.valueOf(20 + run + 3)));
                    form.add(Map.entry("orders", "9"));
                    form.add(Map.entry("gross", (2000 + run + 3) + ".50"));
                    form.add(Map.entry("refunds", "0"));
                }
                long started = System.nanoTime();
                Browser.Page saved = browser.postMulti("/sessions/" + session + "/sales", form);
                long took = (System.nanoTime() - started) / 1_000;
                if (saved.status() != 303) {
                    throw new IllegalStateException("grid save answered " + saved.status() + ": " + saved.body());
                }
                if (run >= 0) {
                    grid.add(took);
                }
            }
            report("grid save, 50 products (HTTP POST to redirect)", grid);
            System.out.printf("audit entries of sale lines: %,d%n", ids(db, "SELECT COUNT(*) FROM audit_event"
                    + " WHERE entity_type = 'sale_line'").get(0));

            List<Long> imports = new ArrayList<>();
            for (int run = 1; run <= IMPORT_RUNS; run++) {
                byte[] file = importFile(sessions, products, run);
                browser.get("/campaigns/" + campaign + "/import");
                long started = System.nanoTime();
                Browser.Page page = Uploads.upload(browser, server.getURI(), "/campaigns/" + campaign + "/import",
                        Map.of("csrf", browser.csrfToken(), "county", COUNTY, "confirm", "yes"),
                        "bench-" + UUID.randomUUID() + ".xlsx", file);
                long took = (System.nanoTime() - started) / 1_000;
                if (page.status() != 200) {
                    throw new IllegalStateException("import answered " + page.status() + ": " + page.body());
                }
                imports.add(took);
                System.out.printf("import run %d: %,d rows, %,d bytes, %d ms%n", run,
                        sessions.size() * products.size(), file.length, took / 1000);
            }
            report("import of 10,000 rows (HTTP upload to report)", imports);
        }
        System.exit(0);
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf("%-50s runs %3d  median %8.1f ms  p95 %8.1f ms  min %8.1f ms  max %8.1f ms%n", what,
                sorted.size(), median / 1000.0, p95 / 1000.0, sorted.get(0) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** An open campaign of one county with 200 sessions and 50 products, made once; the sessions through the ledger. */
    private static long campaign(DataSource db, Ledger ledger) throws Exception {
        List<Long> existing = ids(db, "SELECT id FROM campaign WHERE name = '" + CAMPAIGN + "'");
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) VALUES ('"
                    + CAMPAIGN + "', '2024-01-01', '2024-03-31', 'ACTIVE', NOW(), NOW())");
            s.executeUpdate("INSERT INTO campaign_county (campaign_id, county_code) SELECT id, '" + COUNTY
                    + "' FROM campaign WHERE name = '" + CAMPAIGN + "'");
            for (int i = 0; i < 50; i++) {
                s.executeUpdate("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, "
                        + "updated_at) VALUES ('基准写入商品" + i + "', '茶叶', '盒', 100.00, '" + COUNTY
                        + "', NOW(), NOW())");
            }
        }
        long campaign = ids(db, "SELECT id FROM campaign WHERE name = '" + CAMPAIGN + "'").get(0);
        List<CampaignLoad.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 1).plusDays(i % 90);
            sessions.add(new CampaignLoad.Session(new SessionDraft(campaign, COUNTY, Platform.DOUYIN, day.atTime(19, 0),
                    day.atTime(21, 0), null, null, null, null, java.util.Set.of(), java.util.Set.of(), null), Map.of()));
        }
        ledger.load(CurrentUser.system("benchmark"), new CampaignLoad(campaign, sessions, List.of()));
        return campaign;
    }

    private static byte[] importFile(List<Long> sessions, List<Long> products, int run) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("说明");
            XSSFSheet data = workbook.createSheet("销售");
            data.createRow(0).createCell(0).setCellValue("直播场次");
            int r = 1;
            for (long session : sessions) {
                for (long product : products) {
                    Row row = data.createRow(r++);
                    row.createCell(0).setCellValue(session + " · 基准");
                    row.createCell(1).setCellValue(product + " · 基准写入商品");
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

    private static List<Long> ids(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (r.next()) {
                ids.add(r.getLong(1));
            }
            return ids;
        }
    }
}

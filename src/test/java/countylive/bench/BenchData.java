package countylive.bench;

import countylive.access.CurrentUser;
import countylive.host.Platform;
import countylive.ledger.CampaignLoad;
import countylive.ledger.HouseholdDraft;
import countylive.ledger.Ledger;
import countylive.ledger.LineFigures;
import countylive.ledger.LinkDraft;
import countylive.ledger.SessionDraft;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's data sets: 0.1M, 1M or 10M sale lines, written through the ledger
 * ({@link Ledger#load}) with the same rules, audit entries and rollups as users' changes.
 * <ul>
 * <li>The main campaign, "基准：一百万条销售记录": 250 counties x 200 sessions x 20 products =
 *     1,000,000 lines over 60 days (for 0.1M: 20 sessions a county, 100,000 lines), 40 hosts,
 *     30,000 households. It stays open, so that the benchmark can change it through the ledger.</li>
 * <li>For 10M, 49 more campaigns (closed) with the other 9,000,000 lines, skewed as real campaigns
 *     are: campaign sizes, the counties of a campaign and the hosts of its sessions each follow a
 *     Zipf law, so a few campaigns, counties and hosts hold most of the sales; 2,000 counties in all.</li>
 * </ul>
 * Counties, hosts, officials and products (which the ledger does not own) are inserted directly.
 * A county's sessions go to the ledger in parts of at most {@value #SESSIONS_PER_LOAD} sessions,
 * each one transaction.
 */
public final class BenchData {

    public static final String MAIN = "基准：一百万条销售记录";
    static final int SESSIONS_PER_LOAD = 1_000;
    private static final int BATCH = 5_000;
    private static final int PRODUCTS = 20;
    private static final Timestamp NOW = Timestamp.valueOf("2024-01-01 00:00:00");
    private static final CurrentUser LOADER = CurrentUser.system("benchmark");

    private final DataSource dataSource;
    private final Ledger ledger;
    private final Random random = new Random(42);
    private final List<String> counties = new ArrayList<>();
    private final Map<String, Long> officials = new HashMap<>();
    private final Map<String, List<Long>> products = new HashMap<>();
    private List<Long> nationalHosts = List.of();
    private long lines;
    private long started = System.nanoTime();

    public BenchData(DataSource dataSource, Ledger ledger) {
        this.dataSource = dataSource;
        this.ledger = ledger;
    }

    /** The lines of a data set by its name: 0.1m, 1m, 10m. */
    public static long linesOf(String size) {
        return switch (size) {
            case "0.1m" -> 100_000L;
            case "1m" -> 1_000_000L;
            case "10m" -> 10_000_000L;
            default -> throw new IllegalArgumentException("size " + size + ": one of 0.1m, 1m, 10m");
        };
    }

    /** Makes the data set; returns the main campaign's id. */
    public long generate(String size) throws SQLException {
        long total = linesOf(size);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT code FROM county ORDER BY code LIMIT 2000")) {
                while (rows.next()) {
                    counties.add(rows.getString(1));
                }
            }
        }
        int mainSessions = total >= 1_000_000 ? 200 : 20;
        List<String> mainCounties = counties.subList(0, 250);
        List<Long> mainHosts = hosts(40, "main");
        long main = campaign(MAIN, LocalDate.of(2023, 3, 1), 60, mainCounties, 30_000,
                county -> mainSessions, (county, s) -> mainHosts.get((s * 250 + mainCounties.indexOf(county)) % 40));
        if (total > 1_000_000) {
            others(total - 1_000_000);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE sale_line, live_session, beneficiary_link, household, session_sales,"
                    + " product_sales, county_day_sales, host_sales, official_sales, county_people");
        }
        return main;
    }

    /** 49 campaigns sharing the lines, each with Zipf-skewed counties and hosts. */
    private void others(long lines) throws SQLException {
        nationalHosts = hosts(2_000, "national");
        int campaigns = 49;
        double[] sizes = zipf(campaigns, 0.8);
        for (int i = 0; i < campaigns; i++) {
            long campaignLines = Math.round(lines * sizes[i]);
            // the bigger campaigns reach more counties: 40 to 600 of the 2,000
            int reach = (int) Math.max(40, Math.min(600, campaignLines / 1_500));
            int offset = (i * 397) % counties.size();
            List<String> chosen = new ArrayList<>();
            for (int k = 0; k < reach; k++) {
                chosen.add(counties.get((offset + k * 7) % counties.size()));
            }
            double[] weights = zipf(reach, 1.0);
            Map<String, Integer> sessions = new HashMap<>();
            for (int k = 0; k < reach; k++) {
                sessions.put(chosen.get(k), (int) Math.max(1, Math.round(campaignLines * weights[k] / PRODUCTS)));
            }
            double[] hostWeights = zipf(nationalHosts.size(), 1.1);
            Random pick = new Random(i);
            LocalDate start = LocalDate.of(2021, 1, 1).plusDays(i * 23L);
            campaign(String.format(Locale.ROOT, "基准：活动%02d", i + 2), start, 60, chosen,
                    (int) Math.min(20_000, campaignLines / 300), sessions::get,
                    (county, s) -> nationalHosts.get(sample(hostWeights, pick.nextDouble())));
            close(i + 2);
        }
    }

    private void close(int index) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE campaign SET status = 'CLOSED' WHERE name = ?")) {
            s.setString(1, String.format(Locale.ROOT, "基准：活动%02d", index));
            s.executeUpdate();
        }
    }

    /** Weights 1/rank^s, normalised to 1. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, s);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    static int sample(double[] weights, double u) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (u < sum) {
                return i;
            }
        }
        return weights.length - 1;
    }

    interface Sessions {
        int of(String county);
    }

    interface HostPick {
        long of(String county, int session);
    }

    private long campaign(String name, LocalDate startsOn, int days, List<String> codes, int households,
                          Sessions sessionsOf, HostPick hostOf) throws SQLException {
        long campaign;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            campaign = insert(connection, "INSERT INTO campaign (name, starts_on, ends_on, status, target_gross,"
                    + " target_people, created_at, updated_at) VALUES (?,?,?,'ACTIVE',?,?,?,?)", List.<Object[]>of(
                    new Object[] {name, java.sql.Date.valueOf(startsOn), java.sql.Date.valueOf(startsOn.plusDays(days - 1)),
                            new BigDecimal("100000000.00"), 50_000, NOW, NOW})).get(0);
            List<Object[]> rows = new ArrayList<>();
            codes.forEach(code -> rows.add(new Object[] {campaign, code}));
            insert(connection, "INSERT INTO campaign_county (campaign_id, county_code) VALUES (?,?)", rows);
            // officials and products belong to their county, shared by the campaigns it takes part in
            List<String> fresh = codes.stream().filter(code -> !officials.containsKey(code)).toList();
            List<Long> newOfficials = insert(connection, "INSERT INTO official (name, title, county_code, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?)", generate(fresh.size(), i -> new Object[] {"县长" + fresh.get(i),
                    "县长", fresh.get(i), NOW, NOW}));
            List<Long> newProducts = insert(connection, "INSERT INTO product (name, category, unit, county_code,"
                    + " created_at, updated_at) VALUES (?,?,?,?,?,?)", generate(fresh.size() * PRODUCTS,
                    i -> new Object[] {"商品" + fresh.get(i / PRODUCTS) + "-" + i % PRODUCTS, "茶叶", "盒",
                            fresh.get(i / PRODUCTS), NOW, NOW}));
            for (int i = 0; i < fresh.size(); i++) {
                officials.put(fresh.get(i), newOfficials.get(i));
                products.put(fresh.get(i), newProducts.subList(i * PRODUCTS, (i + 1) * PRODUCTS));
            }
            connection.commit();
        }
        // sessions, sale lines and households go through the ledger, a county at a time
        for (int county = 0; county < codes.size(); county++) {
            String code = codes.get(county);
            List<Long> sold = products.get(code);
            List<CampaignLoad.Session> sessions = new ArrayList<>();
            int count = sessionsOf.of(code);
            for (int s = 0; s < count; s++) {
                LocalDate day = startsOn.plusDays(random.nextInt(days));
                LocalDateTime starts = day.atTime(8 + random.nextInt(12), 0);
                LocalDateTime ends = starts.plusMinutes(60 + random.nextInt(180));
                // one session in twenty reports no audience
                Long views = random.nextInt(20) == 0 ? null : (long) (1_000 + random.nextInt(100_000));
                Map<Long, LineFigures> lines = new LinkedHashMap<>();
                for (long product : sold) {
                    long units = 1 + random.nextInt(500);
                    long gross = units * (3_000 + random.nextInt(20_000));
                    lines.put(product, new LineFigures(units, Math.max(1, units - random.nextInt((int) units)),
                            BigDecimal.valueOf(gross, 2), BigDecimal.valueOf(random.nextInt(10) == 0 ? gross / 10 : 0, 2)));
                }
                sessions.add(new CampaignLoad.Session(new SessionDraft(campaign, code, Platform.DOUYIN, starts, ends,
                        views, views == null ? null : views / 2, views == null ? null : views / 20, null,
                        Set.of(hostOf.of(code, s)), Set.of(officials.get(code)), null), lines));
                if (sessions.size() == SESSIONS_PER_LOAD) {
                    load(campaign, sessions, List.of());
                    sessions = new ArrayList<>();
                }
            }
            List<CampaignLoad.Household> countyHouseholds = new ArrayList<>();
            for (int i = county; i < households; i += codes.size()) {
                List<LinkDraft> links = new ArrayList<>();
                links.add(new LinkDraft(campaign, sold.get(0), BigDecimal.TEN));
                if (i % 5 == 0) {
                    links.add(new LinkDraft(campaign, sold.get(1), BigDecimal.TEN));
                }
                countyHouseholds.add(new CampaignLoad.Household(new HouseholdDraft("B" + campaign + "-" + i, code, "村",
                        "某某", 1 + random.nextInt(6)), links));
            }
            load(campaign, sessions, countyHouseholds);
        }
        return campaign;
    }

    private void load(long campaign, List<CampaignLoad.Session> sessions, List<CampaignLoad.Household> households) {
        if (sessions.isEmpty() && households.isEmpty()) {
            return;
        }
        ledger.load(LOADER, new CampaignLoad(campaign, sessions, households));
        long before = lines / 100_000;
        for (CampaignLoad.Session session : sessions) {
            lines += session.lines().size();
        }
        if (lines / 100_000 > before) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "  %,d lines loaded in %.0f s (%,.0f lines/s)%n", lines, seconds,
                    lines / seconds);
        }
    }

    private List<Long> hosts(int count, String tag) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Long> ids = insert(connection, "INSERT INTO host (name, platform, handle, created_at, updated_at)"
                    + " VALUES (?,?,?,?,?)", generate(count, i -> new Object[] {"主播" + tag + i, "DOUYIN",
                    "bench_" + tag + "_" + i, NOW, NOW}));
            connection.commit();
            return ids;
        }
    }

    private interface Row {
        Object[] of(int i);
    }

    private static List<Object[]> generate(int count, Row row) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row.of(i));
        }
        return rows;
    }

    /** Inserts in batches and returns the generated ids (a loader alone on its database: they come in order). */
    private static List<Long> insert(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += BATCH) {
            try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (Object[] row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
        }
        return ids;
    }
}

package countylive.summary;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic volume for the benchmark and the EXPLAIN test: a campaign of N counties,
 * each selling its products in every session. The campaign's counties, hosts, officials and
 * products are inserted here in batches; its sessions, sale lines and households go through the
 * ledger (Ledger.load), a county at a time, one transaction each. Sessions sell every product of
 * their county, so lines = counties x sessionsPerCounty x productsPerCounty.
 */
public final class BenchData {

    private static final int BATCH = 5_000;
    private static final Timestamp NOW = Timestamp.valueOf("2024-01-01 00:00:00");

    private static final CurrentUser LOADER = CurrentUser.system("benchmark");

    private final DataSource dataSource;
    private final Ledger ledger;
    private final Random random;

    public BenchData(DataSource dataSource, Ledger ledger, long seed) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.random = new Random(seed);
    }

    /** Makes a campaign and returns its id; countyOffset picks which counties of the region table. */
    public long campaign(String name, LocalDate startsOn, int days, int counties, int countyOffset,
                         int sessionsPerCounty, int productsPerCounty, int households) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long campaign = insert(connection, "INSERT INTO campaign (name, starts_on, ends_on, status, target_gross,"
                            + " target_people, created_at, updated_at) VALUES (?,?,?,'ACTIVE',?,?,?,?)",
                    List.<Object[]>of(new Object[] {name, java.sql.Date.valueOf(startsOn),
                            java.sql.Date.valueOf(startsOn.plusDays(days - 1)), new BigDecimal("100000000.00"), 50_000,
                            NOW, NOW})).get(0);
            List<String> codes = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT code FROM county ORDER BY code LIMIT ? OFFSET ?")) {
                statement.setInt(1, counties);
                statement.setInt(2, countyOffset);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        codes.add(rows.getString(1));
                    }
                }
            }
            List<Object[]> rows = new ArrayList<>();
            codes.forEach(code -> rows.add(new Object[] {campaign, code}));
            insert(connection, "INSERT INTO campaign_county (campaign_id, county_code) VALUES (?,?)", rows);
            List<Long> hosts = insert(connection, "INSERT INTO host (name, platform, handle, created_at, updated_at)"
                    + " VALUES (?,?,?,?,?)", generate(40, i -> new Object[] {"主播" + i, "DOUYIN",
                    "bench_" + campaign + "_" + i, NOW, NOW}));
            List<Long> officials = insert(connection, "INSERT INTO official (name, title, county_code, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?)", generate(codes.size(), i -> new Object[] {"县长" + i, "县长",
                    codes.get(i), NOW, NOW}));
            List<Long> products = insert(connection, "INSERT INTO product (name, category, unit, county_code,"
                    + " created_at, updated_at) VALUES (?,?,?,?,?,?)", generate(codes.size() * productsPerCounty,
                    i -> new Object[] {"商品" + campaign + "-" + i, "茶叶", "盒", codes.get(i / productsPerCounty), NOW, NOW}));
            connection.commit();

            // sessions, sale lines and households go through the ledger, a county at a time (one transaction each)
            for (int county = 0; county < codes.size(); county++) {
                String code = codes.get(county);
                List<CampaignLoad.Session> sessions = new ArrayList<>();
                for (int s = 0; s < sessionsPerCounty; s++) {
                    int i = s * codes.size() + county;
                    LocalDate day = startsOn.plusDays(random.nextInt(days));
                    LocalDateTime starts = day.atTime(8 + random.nextInt(12), 0);
                    LocalDateTime ends = starts.plusMinutes(60 + random.nextInt(180));
                    // one session in twenty reports no audience
                    Long views = random.nextInt(20) == 0 ? null : (long) (1_000 + random.nextInt(100_000));
                    Map<Long, LineFigures> lines = new LinkedHashMap<>();
                    for (int k = 0; k < productsPerCounty; k++) {
                        long units = 1 + random.nextInt(500);
                        long gross = units * (3_000 + random.nextInt(20_000));
                        lines.put(products.get(county * productsPerCounty + k), new LineFigures(units,
                                Math.max(1, units - random.nextInt((int) units)), BigDecimal.valueOf(gross, 2),
                                BigDecimal.valueOf(random.nextInt(10) == 0 ? gross / 10 : 0, 2)));
                    }
                    sessions.add(new CampaignLoad.Session(new SessionDraft(campaign, code, Platform.DOUYIN, starts, ends,
                            views, views == null ? null : views / 2, views == null ? null : views / 20, null,
                            Set.of(hosts.get(i % hosts.size())), Set.of(officials.get(county)), null), lines));
                }
                List<CampaignLoad.Household> countyHouseholds = new ArrayList<>();
                for (int i = county; i < households; i += codes.size()) {
                    List<LinkDraft> links = new ArrayList<>();
                    links.add(new LinkDraft(campaign, products.get(county * productsPerCounty), BigDecimal.TEN));
                    if (i % 5 == 0 && productsPerCounty > 1) {
                        links.add(new LinkDraft(campaign, products.get(county * productsPerCounty + 1), BigDecimal.TEN));
                    }
                    countyHouseholds.add(new CampaignLoad.Household(new HouseholdDraft("B" + campaign + "-" + i, code, "村",
                            "某某", 1 + random.nextInt(6)), links));
                }
                ledger.load(LOADER, new CampaignLoad(campaign, sessions, countyHouseholds));
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE campaign SET status = 'CLOSED' WHERE id = " + campaign);
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE TABLE sale_line, live_session, beneficiary_link, household,"
                        + " session_sales, product_sales");
            }
            return campaign;
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

package countylive.summary;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic volume for the benchmark and the EXPLAIN test: a campaign of N counties,
 * each selling its products in every session, with batched inserts (the driver rewrites them
 * into multi-row INSERTs). Sessions sell every product of their county, so
 * lines = counties x sessionsPerCounty x productsPerCounty.
 */
public final class BenchData {

    private static final int BATCH = 5_000;
    private static final Timestamp NOW = Timestamp.valueOf("2024-01-01 00:00:00");

    private final DataSource dataSource;
    private final Random random;

    public BenchData(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.random = new Random(seed);
    }

    /** Makes a campaign and returns its id; countyOffset picks which counties of the region table. */
    public long campaign(String name, LocalDate startsOn, int days, int counties, int countyOffset,
                         int sessionsPerCounty, int productsPerCounty, int households) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long campaign = insert(connection, "INSERT INTO campaign (name, starts_on, ends_on, status, target_gross,"
                            + " target_people, created_at, updated_at) VALUES (?,?,?,'CLOSED',?,?,?,?)",
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

            int sessionCount = codes.size() * sessionsPerCounty;
            List<Object[]> sessions = new ArrayList<>();
            for (int i = 0; i < sessionCount; i++) {
                LocalDate day = startsOn.plusDays(random.nextInt(days));
                Timestamp starts = Timestamp.valueOf(day.atTime(8 + random.nextInt(12), 0));
                Timestamp ends = new Timestamp(starts.getTime() + (60 + random.nextInt(180)) * 60_000L);
                // one session in twenty reports no audience
                Long views = random.nextInt(20) == 0 ? null : (long) (1_000 + random.nextInt(100_000));
                sessions.add(new Object[] {campaign, codes.get(i % codes.size()), "DOUYIN", java.sql.Date.valueOf(day),
                        starts, ends, views, views == null ? null : views / 2, views == null ? null : views / 20, NOW, NOW});
            }
            List<Long> sessionIds = insert(connection, "INSERT INTO live_session (campaign_id, county_code, platform,"
                    + " live_date, starts_at, ends_at, views, unique_viewers, peak_viewers, created_at, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)", sessions);
            List<Object[]> hostLinks = new ArrayList<>();
            List<Object[]> officialLinks = new ArrayList<>();
            for (int i = 0; i < sessionIds.size(); i++) {
                hostLinks.add(new Object[] {sessionIds.get(i), hosts.get(i % hosts.size())});
                officialLinks.add(new Object[] {sessionIds.get(i), officials.get(i % codes.size())});
            }
            insert(connection, "INSERT INTO live_session_host (session_id, host_id) VALUES (?,?)", hostLinks);
            insert(connection, "INSERT INTO live_session_official (session_id, official_id) VALUES (?,?)", officialLinks);
            connection.commit();

            String sql = "INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, units,"
                    + " orders, gross, refunds, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
            List<Object[]> lines = new ArrayList<>(BATCH);
            for (int i = 0; i < sessionIds.size(); i++) {
                Object[] session = sessions.get(i);
                int county = i % codes.size();
                for (int k = 0; k < productsPerCounty; k++) {
                    long units = 1 + random.nextInt(500);
                    long gross = units * (3_000 + random.nextInt(20_000));
                    lines.add(new Object[] {sessionIds.get(i), campaign, session[1], session[3],
                            products.get(county * productsPerCounty + k), units, Math.max(1, units - random.nextInt((int) units)),
                            BigDecimal.valueOf(gross, 2), BigDecimal.valueOf(random.nextInt(10) == 0 ? gross / 10 : 0, 2),
                            NOW, NOW});
                    if (lines.size() == BATCH) {
                        insert(connection, sql, lines);
                        connection.commit();
                        lines.clear();
                    }
                }
            }
            insert(connection, sql, lines);
            connection.commit();

            List<Long> householdIds = insert(connection, "INSERT INTO household (registration_no, county_code, village,"
                    + " head_name, members, created_at, updated_at) VALUES (?,?,?,?,?,?,?)", generate(households,
                    i -> new Object[] {"B" + campaign + "-" + i, codes.get(i % codes.size()), "村", "某某",
                            1 + random.nextInt(6), NOW, NOW}));
            List<Object[]> links = new ArrayList<>();
            for (int i = 0; i < householdIds.size(); i++) {
                int county = i % codes.size();
                links.add(new Object[] {campaign, householdIds.get(i), codes.get(county),
                        products.get(county * productsPerCounty), BigDecimal.TEN, NOW, NOW});
                if (i % 5 == 0 && productsPerCounty > 1) {
                    links.add(new Object[] {campaign, householdIds.get(i), codes.get(county),
                            products.get(county * productsPerCounty + 1), BigDecimal.TEN, NOW, NOW});
                }
            }
            insert(connection, "INSERT INTO beneficiary_link (campaign_id, household_id, county_code, product_id, income,"
                    + " created_at, updated_at) VALUES (?,?,?,?,?,?,?)", links);
            SalesRollup.rebuild(connection, campaign);
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

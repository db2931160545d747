package countylive.summary;

import countylive.support.Fixtures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Named builders for summary tests, on plain SQL through {@link Fixtures#execute}; sale lines
 * refresh the rollups of {@link SalesRollup} as the application's writers do.
 */
final class SummaryData {

    private static final String NOW = "2021-01-01 00:00:00";
    private final Fixtures fixtures;

    SummaryData(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    long campaign(String name, String startsOn, String endsOn, String targetGross, Integer targetPeople) {
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, target_gross, target_people,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?)", name, startsOn, endsOn,
                targetGross == null ? null : new BigDecimal(targetGross), targetPeople, NOW, NOW);
        return id("SELECT id FROM campaign WHERE name = ?", name);
    }

    long partner(long campaign, String name, String kind) {
        fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)", name, kind, NOW, NOW);
        long id = id("SELECT id FROM partner WHERE name = ?", name);
        fixtures.execute("INSERT INTO campaign_partner (campaign_id, partner_id) VALUES (?, ?)", campaign, id);
        return id;
    }

    void county(long campaign, String code, boolean poverty) {
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, ?)", campaign, code);
        fixtures.execute("UPDATE county SET poverty_county = ? WHERE code = ?", poverty, code);
    }

    long official(String name, String county) {
        fixtures.execute("INSERT INTO official (name, title, county_code, created_at, updated_at) VALUES (?, '县长', ?, ?, ?)",
                name, county, NOW, NOW);
        return id("SELECT MAX(id) FROM official WHERE name = ?", name);
    }

    long host(String name) {
        fixtures.execute("INSERT INTO host (name, platform, handle, created_at, updated_at) VALUES (?, 'DOUYIN', ?, ?, ?)",
                name, "h_" + name, NOW, NOW);
        return id("SELECT id FROM host WHERE handle = ?", "h_" + name);
    }

    long product(String name, String county) {
        fixtures.execute("INSERT INTO product (name, category, unit, county_code, created_at, updated_at)"
                + " VALUES (?, '茶叶', '盒', ?, ?, ?)", name, county, NOW, NOW);
        return id("SELECT id FROM product WHERE name = ? AND county_code = ?", name, county);
    }

    /** A session; views, unique viewers and peak may be null (not reported). */
    long session(long campaign, String county, String day, String from, String to, Long views, Long unique, Long peak,
                 long[] hosts, long[] officials) {
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at,"
                        + " views, unique_viewers, peak_viewers, created_at, updated_at)"
                        + " VALUES (?, ?, 'DOUYIN', ?, ?, ?, ?, ?, ?, ?, ?)", campaign, county, day,
                day + " " + from, day + " " + to, views, unique, peak, NOW, NOW);
        long id = id("SELECT MAX(id) FROM live_session WHERE campaign_id = ?", campaign);
        for (long host : hosts) {
            fixtures.execute("INSERT INTO live_session_host (session_id, host_id) VALUES (?, ?)", id, host);
        }
        for (long official : officials) {
            fixtures.execute("INSERT INTO live_session_official (session_id, official_id) VALUES (?, ?)", id, official);
        }
        refresh(id);
        return id;
    }

    void sale(long session, long product, long units, long orders, String gross, String refunds) {
        fixtures.execute("INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, units,"
                        + " orders, gross, refunds, created_at, updated_at)"
                        + " SELECT id, campaign_id, county_code, live_date, ?, ?, ?, ?, ?, ?, ? FROM live_session WHERE id = ?",
                product, units, orders, new BigDecimal(gross), new BigDecimal(refunds), NOW, NOW, session);
        refresh(session);
    }

    /** As the application does after every write of a session or its sale lines: the summaries read the rollups. */
    private void refresh(long session) {
        onConnection(connection -> SalesRollup.refresh(connection, List.of(session)));
    }

    /** Recomputes the campaign's rollups, after sale lines were written without {@link #sale}. */
    void rebuild(long campaign) {
        onConnection(connection -> SalesRollup.rebuild(connection, campaign));
    }

    @FunctionalInterface
    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    private void onConnection(ConnectionWork work) {
        try (Connection connection = fixtures.dataSource().getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long household(String registration, String county, int members) {
        fixtures.execute("INSERT INTO household (registration_no, county_code, village, head_name, members,"
                + " created_at, updated_at) VALUES (?, ?, '一组', '某某', ?, ?, ?)", registration, county, members, NOW, NOW);
        return id("SELECT id FROM household WHERE registration_no = ?", registration);
    }

    void link(long campaign, long household, String county, Long product) {
        fixtures.execute("INSERT INTO beneficiary_link (campaign_id, household_id, county_code, product_id, income,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, 100.00, ?, ?)", campaign, household, county, product, NOW, NOW);
        // as the application does after every change of a link
        onConnection(connection -> PeopleRollup.rebuild(connection, campaign));
    }

    private long id(String sql, Object... parameters) {
        return Long.parseLong(fixtures.value(sql, parameters));
    }
}

package countylive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static countylive.ledger.Jdbc.chunks;
import static countylive.ledger.Jdbc.marks;
import static countylive.ledger.Jdbc.query;
import static countylive.ledger.Jdbc.update;

/**
 * The summaries' sales rollups (docs/summaries.md, "Rollups"): session_sales (per session),
 * county_day_sales (per campaign, county and day), county_sales (per campaign and county),
 * host_sales and official_sales (per campaign, person and county), product_sales (per campaign, product and county) and, for the date filter,
 * host_day_sales, official_day_sales and product_day_sales (the same per day as well) and
 * product_week_sales (per week). Only the ledger calls
 * this, inside the transaction of a change and after locking the change's campaign counties:
 * it notes the rows a change's sessions feed before the change, and afterwards deletes every row
 * they fed before or feed now and inserts it again aggregated from the source tables.
 * Recomputing rather than adding deltas keeps it idempotent and exact.
 *
 * <p>This relies on READ COMMITTED, the isolation of every transaction of the application
 * (application.yml): a writer that waited for a county's lock then reads what the one before it
 * committed, and the recomputing {@code INSERT … SELECT} reads its sources without locking them,
 * so writers of different counties whose sessions share a host or a product never wait on each
 * other.
 */
final class Rollups {
    static final String SESSIONS = """
            INSERT INTO session_sales (session_id, campaign_id, county_code, live_date, line_count, units, orders,
                                       gross, refunds)
            SELECT l.session_id, l.campaign_id, l.county_code, l.live_date, COUNT(*) AS line_count,
                   SUM(l.units) AS units, SUM(l.orders) AS orders, SUM(l.gross) AS gross, SUM(l.refunds) AS refunds
            FROM sale_line l %s GROUP BY l.session_id, l.campaign_id, l.county_code, l.live_date""";

    private static final String DAYS = """
            INSERT INTO county_day_sales (campaign_id, county_code, live_date, sessions, live_seconds, views,
                                          sessions_with_views, peak_viewers, units, orders, gross, refunds,
                                          gross_with_views)
            SELECT s.campaign_id, s.county_code, s.live_date, COUNT(*) AS sessions,
                   SUM(TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at)) AS live_seconds, SUM(s.views) AS views,
                   COUNT(s.views) AS sessions_with_views, MAX(s.peak_viewers) AS peak_viewers,
                   COALESCE(SUM(t.units), 0) AS units, COALESCE(SUM(t.orders), 0) AS orders,
                   COALESCE(SUM(t.gross), 0) AS gross, COALESCE(SUM(t.refunds), 0) AS refunds,
                   COALESCE(SUM(CASE WHEN s.views IS NOT NULL THEN t.gross END), 0) AS gross_with_views
            FROM live_session s LEFT JOIN session_sales t ON t.session_id = s.id
            WHERE %s GROUP BY s.campaign_id, s.county_code, s.live_date""";

    private static final String PEOPLE = """
            INSERT INTO %1$s_sales (campaign_id, %1$s_id, county_code, sessions, units, gross, refunds, views)
            SELECT s.campaign_id, p.%1$s_id, s.county_code, COUNT(*) AS sessions, COALESCE(SUM(t.units), 0) AS units,
                   COALESCE(SUM(t.gross), 0) AS gross, COALESCE(SUM(t.refunds), 0) AS refunds, SUM(s.views) AS views
            FROM live_session_%1$s p JOIN live_session s ON s.id = p.session_id
            LEFT JOIN session_sales t ON t.session_id = s.id
            WHERE %%s GROUP BY s.campaign_id, p.%1$s_id, s.county_code""";

    private static final String PRODUCTS = """
            INSERT INTO product_sales (campaign_id, product_id, county_code, line_count, units, orders, gross, refunds)
            SELECT l.campaign_id, l.product_id, l.county_code, COUNT(*) AS line_count, SUM(l.units) AS units,
                   SUM(l.orders) AS orders, SUM(l.gross) AS gross, SUM(l.refunds) AS refunds
            FROM sale_line l FORCE INDEX (ix_sale_line_campaign_product)
            WHERE %s GROUP BY l.campaign_id, l.product_id, l.county_code""";

    /**
     * The date filter's rollups (V15): a person's sessions of a day in a county, with their sales; the
     * same figures as host_sales and official_sales, one level finer.
     */
    private static final String PEOPLE_DAYS = """
            INSERT INTO %1$s_day_sales (campaign_id, live_date, county_code, %1$s_id, sessions, units, gross, refunds,
                                        views)
            SELECT s.campaign_id, s.live_date, s.county_code, p.%1$s_id, COUNT(*) AS sessions,
                   COALESCE(SUM(t.units), 0) AS units, COALESCE(SUM(t.gross), 0) AS gross,
                   COALESCE(SUM(t.refunds), 0) AS refunds, SUM(s.views) AS views
            FROM live_session_%1$s p JOIN live_session s ON s.id = p.session_id
            LEFT JOIN session_sales t ON t.session_id = s.id
            WHERE %%s GROUP BY s.campaign_id, s.live_date, s.county_code, p.%1$s_id""";

    /** A product's lines of a day in the county of the selling sessions. */
    private static final String PRODUCT_DAY_INSERT = """
            INSERT INTO product_day_sales (campaign_id, live_date, county_code, product_id, line_count, units, orders,
                                           gross, refunds)
            SELECT l.campaign_id, l.live_date, l.county_code, l.product_id, COUNT(*) AS line_count, SUM(l.units) AS units,
                   SUM(l.orders) AS orders, SUM(l.gross) AS gross, SUM(l.refunds) AS refunds
            FROM sale_line l
            WHERE %s GROUP BY l.campaign_id, l.live_date, l.county_code, l.product_id""";

    /** The Monday of a sale line's week, as product_week_sales keys it. */
    static final String WEEK_OF_LINE = "l.live_date - INTERVAL WEEKDAY(l.live_date) DAY";

    /** A product's lines of a week (Monday to Sunday) in the county of the selling sessions. */
    private static final String PRODUCT_WEEK_INSERT = """
            INSERT INTO product_week_sales (campaign_id, week_start, county_code, product_id, line_count, units, orders,
                                            gross, refunds)
            SELECT l.campaign_id, %1$s AS week_start, l.county_code, l.product_id, COUNT(*) AS line_count,
                   SUM(l.units) AS units, SUM(l.orders) AS orders, SUM(l.gross) AS gross, SUM(l.refunds) AS refunds
            FROM sale_line l
            WHERE %%s GROUP BY l.campaign_id, week_start, l.county_code, l.product_id""".formatted(WEEK_OF_LINE);

    /**
     * A campaign county's totals (V17), added up from its county_day_sales rows: the national
     * overview reads these instead of a row per county and day.
     */
    static final String COUNTY_TOTALS = """
            INSERT INTO county_sales (campaign_id, county_code, sessions, live_seconds, views, sessions_with_views,
                                      peak_viewers, units, orders, gross, refunds, gross_with_views)
            SELECT d.campaign_id, d.county_code, SUM(d.sessions) AS sessions, SUM(d.live_seconds) AS live_seconds,
                   SUM(d.views) AS views, SUM(d.sessions_with_views) AS sessions_with_views,
                   MAX(d.peak_viewers) AS peak_viewers, SUM(d.units) AS units, SUM(d.orders) AS orders,
                   SUM(d.gross) AS gross, SUM(d.refunds) AS refunds, SUM(d.gross_with_views) AS gross_with_views
            FROM %s d GROUP BY d.campaign_id, d.county_code""";

    /** A rollup keyed by campaign, county and one more column, and the statement that fills it. */
    record Keyed(String table, String keyColumn, String sourceKey, String sourceAlias, String insert) {
    }

    static final Keyed COUNTY_DAYS = new Keyed("county_day_sales", "live_date", "s.live_date", "s", DAYS);
    static final Keyed HOSTS = new Keyed("host_sales", "host_id", "p.host_id", "s", PEOPLE.formatted("host"));
    static final Keyed OFFICIALS =
            new Keyed("official_sales", "official_id", "p.official_id", "s", PEOPLE.formatted("official"));
    static final Keyed PRODUCT_COUNTIES = new Keyed("product_sales", "product_id", "l.product_id", "l", PRODUCTS);
    /** The date filter's rollups: all rows of a campaign county's day are recomputed with its county_day_sales row. */
    static final Keyed HOST_DAYS = new Keyed("host_day_sales", "live_date", "s.live_date", "s",
            PEOPLE_DAYS.formatted("host"));
    static final Keyed OFFICIAL_DAYS = new Keyed("official_day_sales", "live_date", "s.live_date", "s",
            PEOPLE_DAYS.formatted("official"));
    static final Keyed PRODUCT_DAYS = new Keyed("product_day_sales", "live_date", "l.live_date", "l", PRODUCT_DAY_INSERT);
    static final Keyed PRODUCT_WEEKS = new Keyed("product_week_sales", "week_start", WEEK_OF_LINE, "l",
            PRODUCT_WEEK_INSERT);

    private Rollups() {
    }

    /** Recomputes every rollup of a whole campaign, county_people too: for loads and repairs. */
    static void rebuild(Connection connection, long campaignId) throws SQLException {
        PeopleRollup.rebuild(connection, campaignId);
        List<Object> campaign = List.of(campaignId);
        for (String table : List.of("session_sales", "county_day_sales", "county_sales", "host_sales", "official_sales",
                "product_sales", "host_day_sales", "official_day_sales", "product_day_sales", "product_week_sales")) {
            update(connection, "DELETE FROM " + table + " WHERE campaign_id = ?", campaign);
        }
        // a whole campaign: through an index that starts with the campaign (the optimizer's choice)
        update(connection, SESSIONS.formatted("WHERE l.campaign_id = ?"), campaign);
        for (Keyed rollup : List.of(COUNTY_DAYS, HOSTS, OFFICIALS, PRODUCT_COUNTIES, HOST_DAYS, OFFICIAL_DAYS,
                PRODUCT_DAYS, PRODUCT_WEEKS)) {
            update(connection, rollup.insert().formatted(rollup.sourceAlias() + ".campaign_id = ?"), campaign);
        }
        update(connection, COUNTY_TOTALS.formatted("(SELECT * FROM county_day_sales WHERE campaign_id = ?)"), campaign);
    }

    /** Recomputes every row of these keys. */
    static void refresh(Connection connection, Footprint keys) throws SQLException {
        // session_sales first: the other rollups but product_sales read it
        for (List<Long> chunk : chunks(keys.sessions)) {
            String marks = marks(chunk.size());
            update(connection, "DELETE FROM session_sales WHERE session_id IN (" + marks + ")", chunk);
            update(connection, SESSIONS.formatted("FORCE INDEX (ix_sale_line_session_scope) WHERE l.session_id IN ("
                    + marks + ")"), chunk);
        }
        refresh(connection, COUNTY_DAYS, keys.days);
        refreshTotals(connection, keys.days.keySet());
        refresh(connection, HOSTS, keys.hosts);
        refresh(connection, OFFICIALS, keys.officials);
        refresh(connection, PRODUCT_COUNTIES, keys.products);
        // the date filter's rollups, by the same days as county_day_sales: a day's hosts, officials and
        // products of a county are few, and every change that touches them touches the day's sessions
        refresh(connection, HOST_DAYS, keys.days);
        refresh(connection, OFFICIAL_DAYS, keys.days);
        refresh(connection, PRODUCT_DAYS, keys.days);
        refresh(connection, PRODUCT_WEEKS, weeksOf(keys.days));
    }

    /** Recomputes the county_sales rows of these campaign counties from their (recomputed) county_day_sales rows. */
    private static void refreshTotals(Connection connection, Set<Footprint.Scope> scopes) throws SQLException {
        for (Footprint.Scope scope : scopes) {
            List<Object> key = List.of(scope.campaignId(), scope.countyCode());
            update(connection, "DELETE FROM county_sales WHERE campaign_id = ? AND county_code = ?", key);
            update(connection, COUNTY_TOTALS.formatted("(SELECT * FROM county_day_sales WHERE campaign_id = ?"
                    + " AND county_code = ?)"), key);
        }
    }

    /** The Mondays of these days' weeks, per campaign county. */
    private static Map<Footprint.Scope, Set<LocalDate>> weeksOf(Map<Footprint.Scope, Set<LocalDate>> days) {
        Map<Footprint.Scope, Set<LocalDate>> weeks = new java.util.TreeMap<>();
        days.forEach((scope, dates) -> {
            Set<LocalDate> mondays = new TreeSet<>();
            for (LocalDate date : dates) {
                mondays.add(date.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
            }
            weeks.put(scope, mondays);
        });
        return weeks;
    }

    private static <K> void refresh(Connection connection, Keyed rollup, Map<Footprint.Scope, Set<K>> keys)
            throws SQLException {
        for (var entry : keys.entrySet()) {
            for (List<K> chunk : chunks(entry.getValue())) {
                List<Object> parameters = new ArrayList<>();
                parameters.add(entry.getKey().campaignId());
                parameters.add(entry.getKey().countyCode());
                parameters.addAll(chunk);
                String marks = marks(chunk.size());
                update(connection, "DELETE FROM " + rollup.table() + " WHERE campaign_id = ? AND county_code = ? AND "
                        + rollup.keyColumn() + " IN (" + marks + ")", parameters);
                String alias = rollup.sourceAlias();
                update(connection, rollup.insert().formatted(alias + ".campaign_id = ? AND " + alias
                        + ".county_code = ? AND " + rollup.sourceKey() + " IN (" + marks + ")"), parameters);
            }
        }
    }

    /** The campaign counties the sessions are in now. */
    static Set<Footprint.Scope> scopesOf(Connection connection, Collection<Long> sessionIds) throws SQLException {
        Set<Footprint.Scope> scopes = new TreeSet<>();
        for (List<Long> chunk : chunks(sessionIds)) {
            query(connection, "SELECT DISTINCT campaign_id, county_code FROM live_session WHERE id IN ("
                    + marks(chunk.size()) + ")", chunk, row -> scopes.add(new Footprint.Scope(row.getLong(1),
                    row.getString(2))));
        }
        return scopes;
    }

    /** The rollup keys the sessions feed now (READ COMMITTED: as of the latest commits). */
    static Footprint footprint(Connection connection, Collection<Long> sessionIds) throws SQLException {
        Footprint keys = new Footprint();
        Map<Long, Footprint.Scope> scopes = new HashMap<>();
        for (List<Long> chunk : chunks(sessionIds)) {
            String marks = marks(chunk.size());
            query(connection, "SELECT id, campaign_id, county_code, live_date FROM live_session WHERE id IN (" + marks
                    + ")", chunk, row -> {
                        long campaign = row.getLong(2);
                        String county = row.getString(3);
                        scopes.put(row.getLong(1), new Footprint.Scope(campaign, county));
                        Footprint.add(keys.days, campaign, county, row.getObject(4, LocalDate.class));
                    });
            query(connection, "SELECT session_id, host_id FROM live_session_host WHERE session_id IN (" + marks
                    + ")", chunk, row -> add(keys.hosts, scopes.get(row.getLong(1)), row.getLong(2)));
            query(connection, "SELECT session_id, official_id FROM live_session_official WHERE session_id IN (" + marks
                    + ")", chunk, row -> add(keys.officials, scopes.get(row.getLong(1)), row.getLong(2)));
            query(connection, "SELECT session_id, product_id FROM sale_line WHERE session_id IN (" + marks
                    + ")", chunk, row -> add(keys.products, scopes.get(row.getLong(1)), row.getLong(2)));
        }
        keys.sessions.addAll(sessionIds);
        return keys;
    }

    private static void add(Map<Footprint.Scope, Set<Long>> keys, Footprint.Scope scope, long key) {
        if (scope != null) {
            Footprint.add(keys, scope.campaignId(), scope.countyCode(), key);
        }
    }
}

package countylive.summary;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

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

import static countylive.summary.RollupSql.chunks;
import static countylive.summary.RollupSql.lock;
import static countylive.summary.RollupSql.marks;
import static countylive.summary.RollupSql.query;
import static countylive.summary.RollupSql.update;

/**
 * Keeps the summaries' rollups in step with live_session, its hosts and officials, and sale_line
 * (docs/summaries.md, "Rollups"): session_sales (per session), county_day_sales (per campaign,
 * county and day), host_sales and official_sales (per campaign, person and county) and
 * product_sales (per campaign, product and county).
 *
 * <p>Every writer of those tables calls {@link #before} first in its transaction and
 * {@link #after} last ({@link #created} for new sessions); loaders, which write whole campaigns
 * before anyone else can, call the static {@link #rebuild(Connection, long)} at the end instead. {@code before} locks the campaign counties involved, so that two writers in
 * one county take turns instead of deadlocking over the rows both recompute; {@code after}
 * deletes every rollup row the sessions fed before or feed now and inserts it again aggregated
 * from the source tables. Recomputing rather than adding deltas keeps it idempotent and exact.
 *
 * <p>This relies on READ COMMITTED, the isolation of every transaction of the application
 * (application.yml): a writer that waited for a county's lock then reads what the one before it
 * committed, and the recomputing {@code INSERT … SELECT} reads its sources without locking them,
 * so writers of different counties whose sessions share a host or a product never wait on each
 * other.
 */
@Singleton
public class SalesRollup {

    private static final String SESSIONS = """
            INSERT INTO session_sales (session_id, campaign_id, county_code, live_date, line_count, units, orders,
                                       gross, refunds)
            SELECT l.session_id, l.campaign_id, l.county_code, l.live_date, COUNT(*), SUM(l.units), SUM(l.orders),
                   SUM(l.gross), SUM(l.refunds)
            FROM sale_line l %s GROUP BY l.session_id, l.campaign_id, l.county_code, l.live_date""";

    private static final String DAYS = """
            INSERT INTO county_day_sales (campaign_id, county_code, live_date, sessions, live_seconds, views,
                                          sessions_with_views, peak_viewers, units, orders, gross, refunds,
                                          gross_with_views)
            SELECT s.campaign_id, s.county_code, s.live_date, COUNT(*), SUM(TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at)),
                   SUM(s.views), COUNT(s.views), MAX(s.peak_viewers), COALESCE(SUM(t.units), 0),
                   COALESCE(SUM(t.orders), 0), COALESCE(SUM(t.gross), 0), COALESCE(SUM(t.refunds), 0),
                   COALESCE(SUM(CASE WHEN s.views IS NOT NULL THEN t.gross END), 0)
            FROM live_session s LEFT JOIN session_sales t ON t.session_id = s.id
            WHERE %s GROUP BY s.campaign_id, s.county_code, s.live_date""";

    private static final String PEOPLE = """
            INSERT INTO %1$s_sales (campaign_id, %1$s_id, county_code, sessions, units, gross, refunds, views)
            SELECT s.campaign_id, p.%1$s_id, s.county_code, COUNT(*), COALESCE(SUM(t.units), 0), COALESCE(SUM(t.gross), 0),
                   COALESCE(SUM(t.refunds), 0), SUM(s.views)
            FROM live_session_%1$s p JOIN live_session s ON s.id = p.session_id
            LEFT JOIN session_sales t ON t.session_id = s.id
            WHERE %%s GROUP BY s.campaign_id, p.%1$s_id, s.county_code""";

    private static final String PRODUCTS = """
            INSERT INTO product_sales (campaign_id, product_id, county_code, line_count, units, orders, gross, refunds)
            SELECT l.campaign_id, l.product_id, l.county_code, COUNT(*), SUM(l.units), SUM(l.orders), SUM(l.gross),
                   SUM(l.refunds)
            FROM sale_line l FORCE INDEX (ix_sale_line_campaign_product)
            WHERE %s GROUP BY l.campaign_id, l.product_id, l.county_code""";

    /** A rollup keyed by campaign, county and one more column, and the statement that fills it. */
    private record Keyed(String table, String keyColumn, String sourceKey, String sourceAlias, String insert) {
    }

    private static final Keyed COUNTY_DAYS = new Keyed("county_day_sales", "live_date", "s.live_date", "s", DAYS);
    private static final Keyed HOSTS = new Keyed("host_sales", "host_id", "p.host_id", "s", PEOPLE.formatted("host"));
    private static final Keyed OFFICIALS =
            new Keyed("official_sales", "official_id", "p.official_id", "s", PEOPLE.formatted("official"));
    private static final Keyed PRODUCT_COUNTIES = new Keyed("product_sales", "product_id", "l.product_id", "l", PRODUCTS);

    private final JdbcOperations jdbc;

    SalesRollup(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The first call of a transaction that changes sessions or their sale lines: locks the campaign
     * counties of these sessions and the given others (a session's new county, a county that is
     * being added to), then notes the rollup rows the sessions feed now.
     *
     * @param sessionIds the sessions that will change (none for a new session)
     * @param campaignId with {@code countyCodes}: further campaign counties to lock, 0 for none
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Footprint before(Collection<Long> sessionIds, long campaignId, Collection<String> countyCodes) {
        return jdbc.execute(connection -> {
            Set<Footprint.Scope> scopes = new TreeSet<>(scopesOf(connection, sessionIds));
            countyCodes.forEach(code -> scopes.add(new Footprint.Scope(campaignId, code)));
            lock(connection, scopes);
            return footprint(connection, sessionIds);
        });
    }

    /** {@link #before(Collection, long, Collection)} without further counties. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Footprint before(Collection<Long> sessionIds) {
        return before(sessionIds, 0, List.of());
    }

    /** The last call of such a transaction: recomputes what the sessions fed before and feed now. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void after(Footprint before) {
        jdbc.execute(connection -> {
            refresh(connection, before.plus(footprint(connection, before.sessions)));
            return null;
        });
    }

    /** {@link #after} for sessions that did not exist before the transaction (all new). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void created(Collection<Long> sessionIds) {
        jdbc.execute(connection -> {
            refresh(connection, footprint(connection, sessionIds));
            return null;
        });
    }

    /**
     * Recomputes every rollup of a whole campaign, county_people too, after locking all its
     * counties as a writer would: the repair after data was changed outside the application.
     */
    @Transactional
    public void rebuild(long campaignId) {
        jdbc.execute(connection -> {
            List<Footprint.Scope> counties = new ArrayList<>();
            query(connection, "SELECT county_code FROM campaign_county WHERE campaign_id = ?", List.of(campaignId),
                    row -> counties.add(new Footprint.Scope(campaignId, row.getString(1))));
            lock(connection, counties);
            rebuild(connection, campaignId);
            return null;
        });
    }

    /** {@link #rebuild(long)} on the caller's connection (and transaction); county_people too. */
    public static void rebuild(Connection connection, long campaignId) throws SQLException {
        PeopleRollup.rebuild(connection, campaignId);
        List<Object> campaign = List.of(campaignId);
        for (String table : List.of("session_sales", "county_day_sales", "host_sales", "official_sales",
                "product_sales")) {
            update(connection, "DELETE FROM " + table + " WHERE campaign_id = ?", campaign);
        }
        // a whole campaign: through an index that starts with the campaign (the optimizer's choice)
        update(connection, SESSIONS.formatted("WHERE l.campaign_id = ?"), campaign);
        for (Keyed rollup : List.of(COUNTY_DAYS, HOSTS, OFFICIALS, PRODUCT_COUNTIES)) {
            update(connection, rollup.insert().formatted(rollup.sourceAlias() + ".campaign_id = ?"), campaign);
        }
    }

    /** Recomputes the rollups of these sessions, new or changed, on the caller's connection: for loaders. */
    public static void refresh(Connection connection, Collection<Long> sessionIds) throws SQLException {
        refresh(connection, footprint(connection, sessionIds));
    }

    private static void refresh(Connection connection, Footprint keys) throws SQLException {
        // session_sales first: the other rollups but product_sales read it
        for (List<Long> chunk : chunks(keys.sessions)) {
            String marks = marks(chunk.size());
            update(connection, "DELETE FROM session_sales WHERE session_id IN (" + marks + ")", chunk);
            update(connection, SESSIONS.formatted("FORCE INDEX (ix_sale_line_session_scope) WHERE l.session_id IN ("
                    + marks + ")"), chunk);
        }
        refresh(connection, COUNTY_DAYS, keys.days);
        refresh(connection, HOSTS, keys.hosts);
        refresh(connection, OFFICIALS, keys.officials);
        refresh(connection, PRODUCT_COUNTIES, keys.products);
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
    private static List<Footprint.Scope> scopesOf(Connection connection, Collection<Long> sessionIds)
            throws SQLException {
        List<Footprint.Scope> scopes = new ArrayList<>();
        for (List<Long> chunk : chunks(sessionIds)) {
            query(connection, "SELECT DISTINCT campaign_id, county_code FROM live_session WHERE id IN ("
                    + marks(chunk.size()) + ")", chunk, row -> scopes.add(new Footprint.Scope(row.getLong(1),
                    row.getString(2))));
        }
        return scopes;
    }

    /** The rollup keys the sessions feed now (READ COMMITTED: as of the latest commits). */
    private static Footprint footprint(Connection connection, Collection<Long> sessionIds) throws SQLException {
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

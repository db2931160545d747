package countylive.summary;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Keeps the rollups session_sales (one row per session) and product_sales (one row per campaign,
 * product and session county) in step with sale_line. Every writer of sale_line calls it in its own
 * transaction after writing: each refresh deletes the rows of the given keys and inserts them again
 * aggregated from sale_line, so it is idempotent and needs no arithmetic on deltas.
 */
@Singleton
public class SalesRollup {

    /** Keys per statement: keeps the IN lists and the statements small. */
    private static final int CHUNK = 500;

    private final JdbcOperations jdbc;

    SalesRollup(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the session_sales rows of these sessions (none for a session without lines). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void refreshSessions(Collection<Long> sessionIds) {
        jdbc.execute(connection -> {
            refreshSessions(connection, sessionIds);
            return null;
        });
    }

    /** Recomputes the product_sales rows of these products in the campaign. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void refreshProducts(long campaignId, Collection<Long> productIds) {
        jdbc.execute(connection -> {
            refreshProducts(connection, campaignId, productIds);
            return null;
        });
    }

    /** The products a session has lines of: to refresh them after the session moves or goes. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Long> productsOf(long sessionId) {
        return jdbc.prepareStatement("SELECT product_id FROM sale_line WHERE session_id = ?", statement -> {
            statement.setLong(1, sessionId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Recomputes both rollups of a whole campaign: for loaders, repairs and tests. */
    @Transactional
    public void rebuild(long campaignId) {
        jdbc.execute(connection -> {
            rebuild(connection, campaignId);
            return null;
        });
    }

    /** {@link #refreshSessions(Collection)} on the caller's connection (and transaction). */
    public static void refreshSessions(Connection connection, Collection<Long> sessionIds) throws SQLException {
        for (List<Long> chunk : chunks(sessionIds)) {
            String marks = marks(chunk.size());
            update(connection, "DELETE FROM session_sales WHERE session_id IN (" + marks + ")", chunk);
            update(connection, "INSERT INTO session_sales (session_id, campaign_id, county_code, live_date, line_count,"
                    + " units, orders, gross, refunds)"
                    + " SELECT l.session_id, l.campaign_id, l.county_code, l.live_date, COUNT(*), SUM(l.units),"
                    + " SUM(l.orders), SUM(l.gross), SUM(l.refunds)"
                    + " FROM sale_line l FORCE INDEX (ix_sale_line_session_scope) WHERE l.session_id IN (" + marks + ")"
                    + " GROUP BY l.session_id, l.campaign_id, l.county_code, l.live_date", chunk);
        }
    }

    /** {@link #refreshProducts(long, Collection)} on the caller's connection (and transaction). */
    public static void refreshProducts(Connection connection, long campaignId, Collection<Long> productIds)
            throws SQLException {
        for (List<Long> chunk : chunks(productIds)) {
            String marks = marks(chunk.size());
            List<Object> parameters = new ArrayList<>();
            parameters.add(campaignId);
            parameters.addAll(chunk);
            update(connection, "DELETE FROM product_sales WHERE campaign_id = ? AND product_id IN (" + marks + ")",
                    parameters);
            update(connection, "INSERT INTO product_sales (campaign_id, product_id, county_code, line_count, units,"
                    + " orders, gross, refunds)"
                    + " SELECT l.campaign_id, l.product_id, l.county_code, COUNT(*), SUM(l.units), SUM(l.orders),"
                    + " SUM(l.gross), SUM(l.refunds)"
                    + " FROM sale_line l FORCE INDEX (ix_sale_line_campaign_product)"
                    + " WHERE l.campaign_id = ? AND l.product_id IN (" + marks + ")"
                    + " GROUP BY l.campaign_id, l.product_id, l.county_code", parameters);
        }
    }

    /** {@link #rebuild(long)} on the caller's connection (and transaction). */
    public static void rebuild(Connection connection, long campaignId) throws SQLException {
        List<Object> campaign = List.of(campaignId);
        update(connection, "DELETE FROM session_sales WHERE campaign_id = ?", campaign);
        update(connection, "INSERT INTO session_sales (session_id, campaign_id, county_code, live_date, line_count,"
                + " units, orders, gross, refunds)"
                + " SELECT l.session_id, l.campaign_id, l.county_code, l.live_date, COUNT(*), SUM(l.units),"
                + " SUM(l.orders), SUM(l.gross), SUM(l.refunds)"
                + " FROM sale_line l WHERE l.campaign_id = ?"
                + " GROUP BY l.session_id, l.campaign_id, l.county_code, l.live_date", campaign);
        update(connection, "DELETE FROM product_sales WHERE campaign_id = ?", campaign);
        update(connection, "INSERT INTO product_sales (campaign_id, product_id, county_code, line_count, units,"
                + " orders, gross, refunds)"
                + " SELECT l.campaign_id, l.product_id, l.county_code, COUNT(*), SUM(l.units), SUM(l.orders),"
                + " SUM(l.gross), SUM(l.refunds)"
                + " FROM sale_line l FORCE INDEX (ix_sale_line_campaign_product) WHERE l.campaign_id = ?"
                + " GROUP BY l.campaign_id, l.product_id, l.county_code", campaign);
    }

    private static void update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.executeUpdate();
        }
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}

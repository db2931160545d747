package countylive.ledger;

import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static countylive.ledger.Jdbc.batch;
import static countylive.ledger.Jdbc.queryIn;

/**
 * Writes sale lines for the grid, the import and loads alike: a line that is new is inserted, one
 * whose figures differ is updated, one asked to go is deleted, each with its own audit entry
 * (from → to), filed under its session. Statements go in batches; nothing is written for a line
 * whose figures did not change.
 */
final class LineWriter {

    /** The session a line belongs to, as the line repeats it (the composite key keeps them in step). */
    record Session(long id, long campaignId, String countyCode, LocalDate liveDate) {
    }

    /** A line to put: its figures, or null for no line (delete it if there is one). */
    record Put(long sessionId, long productId, @Nullable LineFigures figures) {
    }

    /** A line as stored. */
    record Line(long id, long sessionId, long productId, boolean onBehalf, LineFigures figures) {
    }

    /** A line whose figures changed, from → to. */
    record Changed(long lineId, long sessionId, long productId, LineFigures before, LineFigures after) {
    }

    /** What a put did. */
    /** @param written the sessions with a line created, changed or deleted, in the order of the puts */
    record Outcome(int created, List<Changed> changed, int unchanged, Set<Long> written) {
    }

    private LineWriter() {
    }

    /**
     * @param sessions     every session named by the puts
     * @param productCounties the county of every product named by the puts: a product of another
     *                     county than its session's is sold on its behalf
     * @param sourceFile   the import file that makes these changes, or null
     */
    static Outcome put(Tx tx, Map<Long, Session> sessions, Map<Long, String> productCounties, List<Put> puts,
                       @Nullable String sourceFile) throws SQLException {
        Map<String, Line> stored = stored(tx, sessions.keySet());
        List<Put> inserts = new ArrayList<>();
        List<Changed> updates = new ArrayList<>();
        List<Line> deletes = new ArrayList<>();
        int unchanged = 0;
        for (Put put : puts) {
            Line before = stored.get(key(put.sessionId(), put.productId()));
            if (put.figures() == null) {
                if (before != null) {
                    deletes.add(before);
                }
            } else if (before == null) {
                inserts.add(put);
            } else if (!before.figures().sameAs(put.figures())) {
                updates.add(new Changed(before.id(), put.sessionId(), put.productId(), before.figures(), put.figures()));
            } else {
                unchanged++;
            }
        }
        batch(tx.connection, "DELETE FROM sale_line WHERE id = ?", deletes, line -> List.of(line.id()));
        batch(tx.connection, """
                UPDATE sale_line SET units = ?, orders = ?, gross = ?, refunds = ?, version = version + 1, updated_at = ?
                WHERE id = ?""", updates, change -> List.of(change.after().units(), change.after().orders(),
                change.after().gross(), change.after().refunds(), tx.now, change.lineId()));
        batch(tx.connection, """
                INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, on_behalf, units,
                                       orders, gross, refunds, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", inserts, put -> {
            Session session = sessions.get(put.sessionId());
            LineFigures figures = put.figures();
            return List.of(session.id(), session.campaignId(), session.countyCode(), session.liveDate(),
                    put.productId(), onBehalf(session, productCounties, put.productId()), figures.units(),
                    figures.orders(), figures.gross(), figures.refunds(), tx.now, tx.now);
        });
        audit(tx, sessions, productCounties, sourceFile, inserts, updates, deletes);
        Set<Long> written = new java.util.LinkedHashSet<>();
        for (Put put : puts) {
            Line before = stored.get(key(put.sessionId(), put.productId()));
            boolean same = before != null && put.figures() != null && before.figures().sameAs(put.figures());
            if (!same && (before != null || put.figures() != null)) {
                written.add(put.sessionId());
            }
        }
        return new Outcome(inserts.size(), updates, unchanged, written);
    }

    private static void audit(Tx tx, Map<Long, Session> sessions, Map<Long, String> productCounties,
                              @Nullable String sourceFile, List<Put> inserts, List<Changed> updates,
                              List<Line> deletes) throws SQLException {
        for (Line line : deletes) {
            tx.audit.deleted(RecordType.SALE_LINE, line.id(), sessions.get(line.sessionId()).countyCode(),
                    values(line.sessionId(), line.productId(), line.onBehalf(), line.figures()),
                    filed(line.sessionId(), sourceFile));
        }
        for (Changed change : updates) {
            Session session = sessions.get(change.sessionId());
            boolean onBehalf = onBehalf(session, productCounties, change.productId());
            tx.audit.updated(RecordType.SALE_LINE, change.lineId(), session.countyCode(),
                    values(change.sessionId(), change.productId(), onBehalf, change.before()),
                    values(change.sessionId(), change.productId(), onBehalf, change.after()),
                    filed(change.sessionId(), sourceFile));
        }
        if (inserts.isEmpty()) {
            return;
        }
        // the new lines' ids, by their natural key (not by counting on consecutive AUTO_INCREMENT values)
        Set<Long> inserted = new TreeSet<>();
        inserts.forEach(put -> inserted.add(put.sessionId()));
        Map<String, Line> created = stored(tx, inserted);
        for (Put put : inserts) {
            Session session = sessions.get(put.sessionId());
            Line line = created.get(key(put.sessionId(), put.productId()));
            tx.audit.created(RecordType.SALE_LINE, line.id(), session.countyCode(),
                    values(put.sessionId(), put.productId(), line.onBehalf(), put.figures()),
                    filed(put.sessionId(), sourceFile));
        }
    }

    /** The lines of these sessions, by session and product. */
    static Map<String, Line> stored(Tx tx, Collection<Long> sessionIds) throws SQLException {
        Map<String, Line> lines = new HashMap<>();
        queryIn(tx.connection, """
                SELECT id, session_id, product_id, on_behalf, units, orders, gross, refunds
                FROM sale_line WHERE session_id IN (?*)""", sessionIds, row -> {
            Line line = new Line(row.getLong(1), row.getLong(2), row.getLong(3), row.getBoolean(4),
                    new LineFigures(row.getLong(5), row.getLong(6), row.getBigDecimal(7), row.getBigDecimal(8)));
            lines.put(key(line.sessionId(), line.productId()), line);
        });
        return lines;
    }

    /** The sessions by id, as their lines repeat them. */
    static Map<Long, Session> sessions(Tx tx, Collection<Long> ids) throws SQLException {
        Map<Long, Session> sessions = new LinkedHashMap<>();
        queryIn(tx.connection, "SELECT id, campaign_id, county_code, live_date FROM live_session WHERE id IN (?*)", ids,
                row -> sessions.put(row.getLong(1), new Session(row.getLong(1), row.getLong(2), row.getString(3),
                        row.getObject(4, LocalDate.class))));
        return sessions;
    }

    /** A product as a line needs it: its county and its reference price. */
    record Product(long id, String countyCode, @Nullable BigDecimal referencePrice) {
    }

    static Map<Long, Product> products(Tx tx, Collection<Long> ids) throws SQLException {
        Map<Long, Product> products = new HashMap<>();
        queryIn(tx.connection, "SELECT id, county_code, reference_price FROM product WHERE id IN (?*)", ids,
                row -> products.put(row.getLong(1), new Product(row.getLong(1), row.getString(2), row.getBigDecimal(3))));
        return products;
    }

    static Map<String, Object> values(long sessionId, long productId, boolean onBehalf, LineFigures figures) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sessionId", sessionId);
        values.put("productId", productId);
        values.put("onBehalf", onBehalf);
        values.put("units", figures.units());
        values.put("orders", figures.orders());
        values.put("gross", figures.gross());
        values.put("refunds", figures.refunds());
        return values;
    }

    private static boolean onBehalf(Session session, Map<Long, String> productCounties, long productId) {
        return !session.countyCode().equals(productCounties.get(productId));
    }

    private static AuditTrail.Filed filed(long sessionId, @Nullable String sourceFile) {
        return AuditTrail.Filed.under(RecordType.LIVE_SESSION, sessionId).from(sourceFile);
    }

    private static String key(long sessionId, long productId) {
        return sessionId + ":" + productId;
    }
}

package countylive.trace;

import countylive.database.Reads;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sale lines and sessions of a selection, a page at a time, and their totals over the whole
 * selection. The totals are sums over the entries themselves, not over the rollups: they are what
 * a summary's figure is checked against.
 */
@Singleton
public class LineQueries {

    /** A page of lines or sessions. */
    public static final int PAGE_SIZE = 50;

    /** Everything the selection holds, added up. */
    public record Totals(long lines, long sessions, long units, long orders, BigDecimal gross, BigDecimal refunds,
                         @Nullable Long views) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    /** One sale line with what names it. */
    public record Line(long id, long sessionId, String campaign, LocalDate day, LocalDateTime startsAt, String platform,
                       String countyCode, String county, long productId, String product, String unit, boolean onBehalf,
                       long units, long orders, BigDecimal gross, BigDecimal refunds) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    /** One session with the selection's lines of it added up (all of them unless a product is chosen). */
    public record Session(long id, String campaign, LocalDate day, LocalDateTime startsAt, String platform,
                          String countyCode, String county, @Nullable Long views, long lines, long units, long orders,
                          BigDecimal gross, BigDecimal refunds) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    private final Reads reads;

    LineQueries(Reads reads) {
        this.reads = reads;
    }

    public Totals totals(LineSelection selection) {
        List<Object> p = new ArrayList<>();
        String lines = selection.lines(p);
        record Sums(long lines, long units, long orders, BigDecimal gross, BigDecimal refunds) {
        }
        Sums sums = reads.one("SELECT COUNT(*), COALESCE(SUM(l.units), 0), COALESCE(SUM(l.orders), 0),"
                + " COALESCE(SUM(l.gross), 0), COALESCE(SUM(l.refunds), 0)"
                + " FROM sale_line l" + selection.sessionJoin() + " WHERE " + lines, p,
                row -> new Sums(row.getLong(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4).setScale(2),
                        row.getBigDecimal(5).setScale(2)));
        p = new ArrayList<>();
        String sessions = selection.sessions(p);
        Object[] session = reads.one("SELECT COUNT(*), SUM(s.views) FROM live_session s WHERE " + sessions, p,
                row -> new Object[] {row.getLong(1), nullableLong(row, 2)});
        return new Totals(sums.lines(), (long) session[0], sums.units(), sums.orders(), sums.gross(), sums.refunds(),
                (Long) session[1]);
    }

    /** The lines in time order: day, session start, session, product. */
    public List<Line> lines(LineSelection selection, int page) {
        List<Object> p = new ArrayList<>();
        String where = selection.lines(p);
        p.add(PAGE_SIZE);
        p.add((long) page * PAGE_SIZE);
        return reads.list("SELECT l.id, l.session_id, c.name AS campaign, l.live_date, s.starts_at, s.platform,"
                        + " l.county_code, co.name AS county, l.product_id, pr.name AS product, pr.unit, l.on_behalf,"
                        + " l.units, l.orders, l.gross, l.refunds"
                        + " FROM sale_line l JOIN live_session s ON s.id = l.session_id JOIN campaign c ON c.id = l.campaign_id"
                        + " JOIN county co ON co.code = l.county_code JOIN product pr ON pr.id = l.product_id"
                        + " WHERE " + where
                        + " ORDER BY l.live_date, s.starts_at, l.session_id, l.product_id LIMIT ? OFFSET ?", p,
                row -> new Line(row.getLong("id"), row.getLong("session_id"), row.getString("campaign"),
                        row.getObject("live_date", LocalDate.class), row.getObject("starts_at", LocalDateTime.class),
                        row.getString("platform"), row.getString("county_code"), row.getString("county"),
                        row.getLong("product_id"), row.getString("product"), row.getString("unit"),
                        row.getBoolean("on_behalf"), row.getLong("units"), row.getLong("orders"),
                        row.getBigDecimal("gross"), row.getBigDecimal("refunds")));
    }

    /** The sessions in time order, each with its lines of the selection added up. */
    public List<Session> sessions(LineSelection selection, int page) {
        List<Object> p = new ArrayList<>();
        // the lines' own conditions, so that a product's sessions show that product's sales
        String lineWhere = selection.lines(p);
        String sessionWhere = selection.sessions(p);
        p.add(PAGE_SIZE);
        p.add((long) page * PAGE_SIZE);
        return reads.list("SELECT s.id, c.name AS campaign, s.live_date, s.starts_at, s.platform, s.county_code,"
                        + " co.name AS county, s.views, COALESCE(t.line_count, 0) AS line_count, COALESCE(t.units, 0) AS units,"
                        + " COALESCE(t.orders, 0) AS orders, COALESCE(t.gross, 0) AS gross,"
                        + " COALESCE(t.refunds, 0) AS refunds"
                        + " FROM live_session s JOIN campaign c ON c.id = s.campaign_id JOIN county co ON co.code = s.county_code"
                        + " LEFT JOIN (SELECT l.session_id, COUNT(*) AS line_count, SUM(l.units) AS units, SUM(l.orders) AS orders,"
                        + "   SUM(l.gross) AS gross, SUM(l.refunds) AS refunds"
                        + "   FROM sale_line l JOIN live_session s ON s.id = l.session_id WHERE " + lineWhere
                        + "   GROUP BY l.session_id) t ON t.session_id = s.id"
                        + " WHERE " + sessionWhere
                        + " ORDER BY s.live_date, s.starts_at, s.id LIMIT ? OFFSET ?", p,
                row -> new Session(row.getLong("id"), row.getString("campaign"), row.getObject("live_date", LocalDate.class),
                        row.getObject("starts_at", LocalDateTime.class), row.getString("platform"),
                        row.getString("county_code"), row.getString("county"), nullableLong(row, "views"),
                        row.getLong("line_count"), row.getLong("units"), row.getLong("orders"),
                        row.getBigDecimal("gross").setScale(2), row.getBigDecimal("refunds").setScale(2)));
    }

    /** What the selection names, as the page heads it: kind → name (campaign → 春茶, county → 英山县, …). */
    public List<String[]> names(LineSelection s) {
        List<String[]> names = new ArrayList<>();
        name(names, "campaign", "SELECT name FROM campaign WHERE id = ?", s.campaignId());
        name(names, "county", "SELECT name FROM county WHERE code = ?", s.countyCode());
        name(names, "province", "SELECT name FROM province WHERE code = ?", s.provinceCode());
        name(names, "host", "SELECT name FROM host WHERE id = ?", s.hostId());
        name(names, "official", "SELECT CONCAT(name, ' ', title) FROM official WHERE id = ?", s.officialId());
        name(names, "product", "SELECT name FROM product WHERE id = ?", s.productId());
        return names;
    }

    private void name(List<String[]> names, String kind, String sql, @Nullable Object key) {
        if (key != null) {
            List<String> found = reads.list(sql, List.of(key), row -> row.getString(1));
            names.add(new String[] {kind, found.isEmpty() ? String.valueOf(key) : found.get(0)});
        }
    }

    private static @Nullable Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}

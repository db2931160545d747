package countylive.summary;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static countylive.summary.Sql.date;
import static countylive.summary.Sql.longOrNull;
import static countylive.summary.Sql.money;

/**
 * Every figure of a campaign summary, one method per figure set, each computed by GROUP BY in
 * the database. The sales figures come from the rollups kept by {@link SalesRollup}:
 * session_sales (one row per session, with its campaign, county and day, covered by
 * ix_session_sales_campaign_county / _day) and product_sales (per campaign, product and session
 * county); only the products of a date range still read sale_line. docs/summaries.md explains
 * each figure.
 */
@Singleton
class SummaryQueries {

    /** The session list shows at most this many sessions; the headline counts them all. */
    static final int SESSION_LIMIT = 500;

    private final Sql sql;

    SummaryQueries(Sql sql) {
        this.sql = sql;
    }

    Optional<Rows.Campaign> campaign(long id) {
        return sql.list("SELECT id, name, starts_on, ends_on, status, target_gross, target_people FROM campaign WHERE id = ?",
                List.of(id), row -> new Rows.Campaign(row.getLong("id"), row.getString("name"), date(row, "starts_on"),
                        date(row, "ends_on"), row.getString("status"), row.getBigDecimal("target_gross"),
                        (Integer) row.getObject("target_people", Integer.class))).stream().findFirst();
    }

    /** Whether one of the given counties takes part in the campaign. */
    boolean takesPart(long campaignId, java.util.Collection<String> counties) {
        if (counties.isEmpty()) {
            return false;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(campaignId);
        parameters.addAll(counties);
        String marks = String.join(",", java.util.Collections.nCopies(counties.size(), "?"));
        return sql.one("SELECT COUNT(*) FROM campaign_county WHERE campaign_id = ? AND county_code IN (" + marks + ")",
                parameters, row -> row.getLong(1)) > 0;
    }

    List<Rows.Partner> partners(long campaignId) {
        return sql.list("SELECT p.id, p.name, p.kind FROM campaign_partner cp JOIN partner p ON p.id = cp.partner_id"
                        + " WHERE cp.campaign_id = ? ORDER BY p.kind, p.name", List.of(campaignId),
                row -> new Rows.Partner(row.getLong("id"), row.getString("name"), row.getString("kind")));
    }

    /** The provinces of the campaign's counties, for the filter. */
    List<Rows.Province> provinces(long campaignId) {
        return sql.list("SELECT DISTINCT p.code, p.name FROM campaign_county cc JOIN county c ON c.code = cc.county_code"
                        + " JOIN province p ON p.code = c.province_code WHERE cc.campaign_id = ? ORDER BY p.code",
                List.of(campaignId), row -> new Rows.Province(row.getString("code"), row.getString("name")));
    }

    Headline headline(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        p.add(filter.campaignId());
        String countyProvince = "";
        if (filter.province() != null) {
            countyProvince = " AND c.province_code = ?";
            p.add(filter.province());
        }
        long[] counties = sql.one("SELECT COUNT(*), COALESCE(SUM(c.poverty_county), 0) FROM campaign_county cc"
                + " JOIN county c ON c.code = cc.county_code WHERE cc.campaign_id = ?" + countyProvince, p,
                row -> new long[] {row.getLong(1), row.getLong(2)});

        p = new ArrayList<>();
        String sessions = scope("s", filter, p);
        record SessionFigures(long sessions, BigDecimal hours, Long views, Long peak, long withViews) {
        }
        SessionFigures s = sql.one("SELECT COUNT(*) AS sessions,"
                        + " SUM(TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at)) / 3600 AS hours,"
                        + " SUM(s.views) AS views, MAX(s.peak_viewers) AS peak, COUNT(s.views) AS with_views"
                        + " FROM live_session s WHERE " + sessions, p,
                row -> new SessionFigures(row.getLong("sessions"), row.getBigDecimal("hours"), longOrNull(row, "views"),
                        longOrNull(row, "peak"), row.getLong("with_views")));
        long officials = sql.one("SELECT COUNT(DISTINCT o.official_id) FROM live_session s"
                + " JOIN live_session_official o ON o.session_id = s.id WHERE " + sessions, p, row -> row.getLong(1));
        long hosts = sql.one("SELECT COUNT(DISTINCT h.host_id) FROM live_session s"
                + " JOIN live_session_host h ON h.session_id = s.id WHERE " + sessions, p, row -> row.getLong(1));
        // gross of the sessions without reported views: left out of the GPM numerator
        BigDecimal grossWithoutViews = sql.one("SELECT COALESCE(SUM(t.gross), 0) FROM live_session s"
                + " JOIN session_sales t ON t.session_id = s.id WHERE " + sessions + " AND s.views IS NULL", p,
                row -> row.getBigDecimal(1));

        p = new ArrayList<>();
        String totals = scope("t", filter, p);
        record SaleFigures(long units, long orders, BigDecimal gross, BigDecimal refunds) {
        }
        SaleFigures sales = sql.one("SELECT COALESCE(SUM(t.units), 0) AS units, COALESCE(SUM(t.orders), 0) AS orders,"
                        + " SUM(t.gross) AS gross, SUM(t.refunds) AS refunds FROM session_sales t WHERE " + totals, p,
                row -> new SaleFigures(row.getLong("units"), row.getLong("orders"), money(row, "gross"),
                        money(row, "refunds")));

        p = new ArrayList<>();
        String households = householdScope(filter, p);
        long[] people = sql.one("SELECT COUNT(*), SUM(h.members) FROM household h WHERE " + households, p,
                row -> {
                    long count = row.getLong(1);
                    long members = row.getLong(2);
                    return new long[] {count, row.wasNull() ? -1 : members};
                });

        return new Headline(counties[0], counties[1], officials, hosts, s.sessions(), s.hours(),
                sales.units(), sales.orders(), sales.gross(), sales.refunds(), s.views(), s.peak(), s.withViews(),
                sales.gross().subtract(grossWithoutViews), people[0], people[1] < 0 ? null : people[1]);
    }

    /** Every participating county, with or without sessions. */
    List<Rows.County> byCounty(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String sessions = scope("s", filter, p);
        String totals = scope("t", filter, p);
        String households = householdScope(filter, p);
        p.add(filter.campaignId());
        String province = "";
        if (filter.province() != null) {
            province = " AND c.province_code = ?";
            p.add(filter.province());
        }
        return sql.list("SELECT c.code, c.name, pr.name AS province_name, c.poverty_county,"
                + " COALESCE(s.sessions, 0) AS sessions, s.hours, COALESCE(l.units, 0) AS units,"
                + " COALESCE(l.orders, 0) AS orders, l.gross, l.refunds, s.views, s.peak,"
                + " COALESCE(hh.households, 0) AS households, hh.people"
                + " FROM campaign_county cc JOIN county c ON c.code = cc.county_code"
                + " JOIN province pr ON pr.code = c.province_code"
                + " LEFT JOIN (SELECT s.county_code, COUNT(*) AS sessions,"
                + "   SUM(TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at)) / 3600 AS hours,"
                + "   SUM(s.views) AS views, MAX(s.peak_viewers) AS peak"
                + "   FROM live_session s WHERE " + sessions + " GROUP BY s.county_code) s ON s.county_code = c.code"
                + " LEFT JOIN (SELECT t.county_code, SUM(t.units) AS units, SUM(t.orders) AS orders,"
                + "   SUM(t.gross) AS gross, SUM(t.refunds) AS refunds"
                + "   FROM session_sales t WHERE " + totals + " GROUP BY t.county_code) l ON l.county_code = c.code"
                + " LEFT JOIN (SELECT h.county_code, COUNT(*) AS households, SUM(h.members) AS people"
                + "   FROM household h WHERE " + households + " GROUP BY h.county_code) hh ON hh.county_code = c.code"
                + " WHERE cc.campaign_id = ?" + province
                + " ORDER BY gross DESC, c.code", p,
                row -> new Rows.County(row.getString("code"), row.getString("name"), row.getString("province_name"),
                        row.getBoolean("poverty_county"), row.getLong("sessions"), row.getBigDecimal("hours"),
                        row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds"),
                        longOrNull(row, "views"), longOrNull(row, "peak"), row.getLong("households"),
                        longOrNull(row, "people")));
    }

    /** Hosts with the sales of the sessions they hosted; a session with two hosts counts for both. */
    List<Rows.Person> byHost(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String totals = sessionTotals(filter, p);
        return sql.list("SELECT h.id, h.name, h.platform AS detail, COUNT(*) AS sessions, SUM(t.units) AS units,"
                        + " SUM(t.gross) AS gross, SUM(t.refunds) AS refunds, SUM(t.views) AS views"
                        + " FROM (" + totals + ") t JOIN live_session_host sh ON sh.session_id = t.id"
                        + " JOIN host h ON h.id = sh.host_id GROUP BY h.id, h.name, h.platform"
                        + " ORDER BY gross DESC, h.name", p, SummaryQueries::person);
    }

    /** Officials with the sales of the sessions they went live in. */
    List<Rows.Person> byOfficial(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String totals = sessionTotals(filter, p);
        return sql.list("SELECT o.id, o.name, CONCAT(c.name, ' ', o.title) AS detail, COUNT(*) AS sessions,"
                        + " SUM(t.units) AS units, SUM(t.gross) AS gross, SUM(t.refunds) AS refunds, SUM(t.views) AS views"
                        + " FROM (" + totals + ") t JOIN live_session_official so ON so.session_id = t.id"
                        + " JOIN official o ON o.id = so.official_id JOIN county c ON c.code = o.county_code"
                        + " GROUP BY o.id, o.name, c.name, o.title ORDER BY gross DESC, o.name", p,
                SummaryQueries::person);
    }

    /**
     * The products sold in the filter's scope, best-selling first, at most {@code limit}. Without a
     * date range from product_sales (its primary key starts with the campaign); with one from
     * sale_line, since the rollup does not keep days per product.
     */
    List<Rows.Product> byProduct(SummaryFilter filter, int limit) {
        List<Object> p = new ArrayList<>();
        String totals = productTotals(filter, p);
        p.add(limit);
        return sql.list("SELECT pr.id, pr.name, pr.county_code, c.name AS county_name, pr.unit, t.sessions, t.units,"
                        + " t.orders, t.gross, t.refunds"
                        + " FROM (" + totals + ") t"
                        + " JOIN product pr ON pr.id = t.product_id JOIN county c ON c.code = pr.county_code"
                        + " ORDER BY t.gross DESC, pr.id LIMIT ?", p,
                row -> new Rows.Product(row.getLong("id"), row.getString("name"), row.getString("county_code"),
                        row.getString("county_name"), row.getString("unit"), row.getLong("sessions"),
                        row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds")));
    }

    /** How many products {@link #byProduct} lists without a limit. */
    long productCount(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String totals = productTotals(filter, p);
        return sql.one("SELECT COUNT(*) FROM (" + totals + ") t", p, row -> row.getLong(1));
    }

    /** Sales per product in the filter's scope: product_id, sessions, units, orders, gross, refunds. */
    private static String productTotals(SummaryFilter filter, List<Object> p) {
        if (!filter.narrowsDates()) {
            String province = "";
            if (filter.province() != null) {
                province = " JOIN county pc ON pc.code = ps.county_code AND pc.province_code = ?";
                p.add(filter.province());
            }
            p.add(filter.campaignId());
            return "SELECT ps.product_id, SUM(ps.line_count) AS sessions, SUM(ps.units) AS units,"
                    + " SUM(ps.orders) AS orders, SUM(ps.gross) AS gross, SUM(ps.refunds) AS refunds"
                    + " FROM product_sales ps" + province + " WHERE ps.campaign_id = ? GROUP BY ps.product_id";
        }
        String lines = scope("l", filter, p);
        return "SELECT l.product_id, COUNT(*) AS sessions, SUM(l.units) AS units, SUM(l.orders) AS orders,"
                + " SUM(l.gross) AS gross, SUM(l.refunds) AS refunds"
                + " FROM sale_line l FORCE INDEX (ix_sale_line_campaign_day) WHERE " + lines
                + " GROUP BY l.product_id";
    }

    /** Every day with a session, in order. */
    List<Rows.Day> byDay(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String sessions = scope("s", filter, p);
        String totals = scope("t", filter, p);
        return sql.list("SELECT s.live_date, s.sessions, COALESCE(l.units, 0) AS units, COALESCE(l.orders, 0) AS orders,"
                        + " l.gross, l.refunds, s.views"
                        + " FROM (SELECT s.live_date, COUNT(*) AS sessions, SUM(s.views) AS views"
                        + "   FROM live_session s WHERE " + sessions + " GROUP BY s.live_date) s"
                        + " LEFT JOIN (SELECT t.live_date, SUM(t.units) AS units, SUM(t.orders) AS orders,"
                        + "   SUM(t.gross) AS gross, SUM(t.refunds) AS refunds"
                        + "   FROM session_sales t WHERE " + totals + " GROUP BY t.live_date) l ON l.live_date = s.live_date"
                        + " ORDER BY s.live_date", p,
                row -> new Rows.Day(date(row, "live_date"), row.getLong("sessions"), row.getLong("units"),
                        row.getLong("orders"), money(row, "gross"), money(row, "refunds"), longOrNull(row, "views")));
    }

    List<Rows.Session> sessions(SummaryFilter filter) {
        return sessions(filter, SESSION_LIMIT);
    }

    /** The first {@code limit} sessions in time order, each with its sales. */
    List<Rows.Session> sessions(SummaryFilter filter, int limit) {
        List<Object> p = new ArrayList<>();
        String sessions = scope("s", filter, p);
        p.add(limit);
        // the first sessions are chosen before their sales are joined, so only their rollup rows are read
        return sql.list("SELECT s.id, s.live_date, s.county_code, c.name AS county_name, s.platform,"
                        + " TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at) / 3600 AS hours,"
                        + " s.views, s.unique_viewers, s.peak_viewers,"
                        + " COALESCE(t.units, 0) AS units, COALESCE(t.orders, 0) AS orders,"
                        + " t.gross, t.refunds"
                        + " FROM (SELECT s.id, s.live_date, s.starts_at, s.ends_at, s.county_code, s.platform, s.views,"
                        + "   s.unique_viewers, s.peak_viewers FROM live_session s WHERE " + sessions
                        + "   ORDER BY s.live_date, s.starts_at, s.id LIMIT ?) s"
                        + " JOIN county c ON c.code = s.county_code"
                        + " LEFT JOIN session_sales t ON t.session_id = s.id"
                        + " ORDER BY s.live_date, s.starts_at, s.id", p,
                row -> new Rows.Session(row.getLong("id"), date(row, "live_date"), row.getString("county_code"),
                        row.getString("county_name"), row.getString("platform"), row.getBigDecimal("hours"),
                        longOrNull(row, "views"), longOrNull(row, "unique_viewers"), longOrNull(row, "peak_viewers"),
                        row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds")));
    }

    /** Per-session sales: every session in scope with its session_sales row (zero without lines). */
    private static String sessionTotals(SummaryFilter filter, List<Object> p) {
        String sessions = scope("s", filter, p);
        return "SELECT s.id, s.views, COALESCE(ss.units, 0) AS units, COALESCE(ss.gross, 0) AS gross,"
                + " COALESCE(ss.refunds, 0) AS refunds"
                + " FROM live_session s LEFT JOIN session_sales ss ON ss.session_id = s.id"
                + " WHERE " + sessions;
    }

    /**
     * The campaign, the date range when it narrows the period, and the province: for live_session,
     * session_sales and sale_line alike (all carry campaign_id, county_code and live_date).
     */
    static String scope(String alias, SummaryFilter filter, List<Object> p) {
        StringBuilder where = new StringBuilder(alias).append(".campaign_id = ?");
        p.add(filter.campaignId());
        if (filter.narrowsDates()) {
            where.append(" AND ").append(alias).append(".live_date BETWEEN ? AND ?");
            p.add(filter.from());
            p.add(filter.to());
        }
        appendProvince(where, alias, filter.province(), p);
        return where.toString();
    }

    /**
     * The distinct households linked to the campaign (each once however many links it has), in
     * the province by the household's own county. Links carry no date, so the date range does not
     * narrow them: the page says so.
     */
    private static String householdScope(SummaryFilter filter, List<Object> p) {
        StringBuilder where = new StringBuilder(
                "h.id IN (SELECT b.household_id FROM beneficiary_link b WHERE b.campaign_id = ?)");
        p.add(filter.campaignId());
        appendProvince(where, "h", filter.province(), p);
        return where.toString();
    }

    private static void appendProvince(StringBuilder where, String alias, @Nullable String province, List<Object> p) {
        if (province != null) {
            where.append(" AND ").append(alias).append(".county_code IN (SELECT code FROM county WHERE province_code = ?)");
            p.add(province);
        }
    }

    private static Rows.Person person(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Rows.Person(row.getLong("id"), row.getString("name"), row.getString("detail"),
                row.getLong("sessions"), row.getLong("units"), money(row, "gross"), money(row, "refunds"),
                longOrNull(row, "views"));
    }
}

package countylive.summary;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static countylive.summary.Sql.date;
import static countylive.summary.Sql.longOrNull;
import static countylive.summary.Sql.money;

/**
 * Every figure of a campaign summary, one method per figure set, each computed by GROUP BY in
 * the database from the rollups kept by the ledger (countylive.ledger), so that a campaign of a million sale
 * lines reads thousands of rows: county_sales (per campaign county) for the headline and the county
 * table, county_day_sales (sessions and sales per county and day) for the day table and, within a
 * date range, for the headline and the county table too; host_sales and official_sales (per
 * person and county) for the people; product_sales (per product and county) for the products; session_sales for the
 * session list; county_people (kept by the ledger) for households and people assisted. A date range narrows below the grain of the person and product rollups: those
 * two tables then read their rollups per day (host_day_sales, official_day_sales, product_day_sales).
 * docs/summaries.md explains each figure.
 */
@Singleton
class SummaryQueries {

    /**
     * The page's session list shows at most this many sessions, in time order; the headline counts
     * them all and the workbook lists them all. More rows would only lengthen the page: a filter
     * or the workbook is how a reader gets to the rest.
     */
    static final int SESSION_LIMIT = 100;

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
        String countyProvince = filter.acceptedOnly() ? " AND cc.sign_off = 'ACCEPTED'" : "";
        if (filter.province() != null) {
            countyProvince += " AND c.province_code = ?";
            p.add(filter.province());
        }
        long[] counties = sql.one("SELECT COUNT(*), COALESCE(SUM(c.poverty_county), 0) FROM campaign_county cc"
                + " JOIN county c ON c.code = cc.county_code WHERE cc.campaign_id = ?" + countyProvince, p,
                row -> new long[] {row.getLong(1), row.getLong(2)});

        p = new ArrayList<>();
        String days = scope("d", filter, p);
        record DayFigures(long sessions, BigDecimal hours, Long views, Long peak, long withViews, long units,
                          long orders, BigDecimal gross, BigDecimal refunds, BigDecimal grossWithViews) {
        }
        DayFigures d = sql.one("SELECT COALESCE(SUM(d.sessions), 0) AS sessions, SUM(d.live_seconds) / 3600 AS hours,"
                        + " SUM(d.views) AS views, MAX(d.peak_viewers) AS peak,"
                        + " COALESCE(SUM(d.sessions_with_views), 0) AS with_views, COALESCE(SUM(d.units), 0) AS units,"
                        + " COALESCE(SUM(d.orders), 0) AS orders, SUM(d.gross) AS gross, SUM(d.refunds) AS refunds,"
                        + " SUM(d.gross_with_views) AS gross_with_views FROM " + countyFigures(filter) + " d WHERE " + days, p,
                row -> new DayFigures(row.getLong("sessions"), row.getBigDecimal("hours"), longOrNull(row, "views"),
                        longOrNull(row, "peak"), row.getLong("with_views"), row.getLong("units"), row.getLong("orders"),
                        money(row, "gross"), money(row, "refunds"), money(row, "gross_with_views")));
        long officials = countPeople(OFFICIALS, filter);
        long hosts = countPeople(HOSTS, filter);

        p = new ArrayList<>();
        String households = householdScope(filter, p);
        // no linked household is 0 households and 0 people, never a 0 beside a blank
        long[] people = sql.one("SELECT COALESCE(SUM(cp.households), 0), COALESCE(SUM(cp.people), 0) FROM county_people cp WHERE "
                        + households, p,
                row -> {
                    long count = row.getLong(1);
                    long members = row.getLong(2);
                    return new long[] {count, row.wasNull() ? -1 : members};
                });

        return new Headline(counties[0], counties[1], officials, hosts, d.sessions(), d.hours(),
                d.units(), d.orders(), d.gross(), d.refunds(), d.views(), d.peak(), d.withViews(),
                d.grossWithViews(), people[0], people[1] < 0 ? null : people[1]);
    }

    /**
     * Where a campaign county's figures are added up from: its row in county_sales (its days
     * summed, one row) unless a date range asks for some of its days from county_day_sales.
     */
    private static String countyFigures(SummaryFilter filter) {
        return filter.narrowsDates() ? "county_day_sales" : "county_sales";
    }

    /** Every participating county, with or without sessions. */
    List<Rows.County> byCounty(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String days = scope("d", filter, p);
        p.add(filter.campaignId());
        String province = filter.acceptedOnly() ? " AND cc.sign_off = 'ACCEPTED'" : "";
        if (filter.province() != null) {
            province += " AND c.province_code = ?";
            p.add(filter.province());
        }
        return sql.list("SELECT c.code, c.name, pr.code AS province_code, pr.name AS province_name, c.poverty_county,"
                + " c.poverty_exit_year, cc.sign_off,"
                + " COALESCE(d.sessions, 0) AS sessions, d.hours, COALESCE(d.units, 0) AS units,"
                + " COALESCE(d.orders, 0) AS orders, d.gross, d.refunds, d.views, d.peak,"
                + " COALESCE(cp.households, 0) AS households, COALESCE(cp.people, 0) AS people"
                + " FROM campaign_county cc JOIN county c ON c.code = cc.county_code"
                + " JOIN province pr ON pr.code = c.province_code"
                + " LEFT JOIN (SELECT d.county_code, SUM(d.sessions) AS sessions, SUM(d.live_seconds) / 3600 AS hours,"
                + "   SUM(d.views) AS views, MAX(d.peak_viewers) AS peak, SUM(d.units) AS units,"
                + "   SUM(d.orders) AS orders, SUM(d.gross) AS gross, SUM(d.refunds) AS refunds"
                + "   FROM " + countyFigures(filter) + " d WHERE " + days + " GROUP BY d.county_code) d ON d.county_code = c.code"
                // a county without linked households has no county_people row: 0 households and 0 people
                + " LEFT JOIN county_people cp ON cp.campaign_id = cc.campaign_id AND cp.county_code = c.code"
                + " WHERE cc.campaign_id = ?" + province
                + " ORDER BY gross DESC, c.code", p,
                row -> new Rows.County(row.getString("code"), row.getString("name"), row.getString("province_code"),
                        row.getString("province_name"),
                        row.getBoolean("poverty_county"), (Integer) row.getObject("poverty_exit_year", Integer.class),
                        row.getLong("sessions"), row.getBigDecimal("hours"),
                        row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds"),
                        longOrNull(row, "views"), longOrNull(row, "peak"), row.getLong("households"),
                        longOrNull(row, "people"), "ACCEPTED".equals(row.getString("sign_off"))));
    }

    /** Hosts with the sales of the sessions they hosted; a session with two hosts counts for both. */
    List<Rows.Person> byHost(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String totals = personTotals(HOSTS, filter, p);
        return sql.list("SELECT h.id, h.name, h.platform AS detail, t.sessions, t.units, t.gross, t.refunds, t.views"
                        + " FROM (" + totals + ") t JOIN host h ON h.id = t.person_id"
                        + " ORDER BY t.gross DESC, h.name", p, SummaryQueries::person);
    }

    /** Officials with the sales of the sessions they went live in. */
    List<Rows.Person> byOfficial(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String totals = personTotals(OFFICIALS, filter, p);
        return sql.list("SELECT o.id, o.name, CONCAT(c.name, ' ', o.title) AS detail, t.sessions, t.units, t.gross,"
                        + " t.refunds, t.views"
                        + " FROM (" + totals + ") t JOIN official o ON o.id = t.person_id"
                        + " JOIN county c ON c.code = o.county_code ORDER BY t.gross DESC, o.name", p,
                SummaryQueries::person);
    }

    /** Hosts or officials: their rollup, their rollup per day (for a date range) and their id column. */
    private record People(String rollup, String dayRollup, String idColumn) {
    }

    private static final People HOSTS = new People("host_sales", "host_day_sales", "host_id");
    private static final People OFFICIALS = new People("official_sales", "official_day_sales", "official_id");

    /** How many hosts or officials went live in the filter's scope. */
    private long countPeople(People people, SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String totals = personTotals(people, filter, p);
        return sql.one("SELECT COUNT(*) FROM (" + totals + ") t", p, row -> row.getLong(1));
    }

    /**
     * Sales per host or official in the filter's scope: person_id, sessions, units, gross, refunds,
     * views. Without a date range from their rollup (campaign, person and county), with one from
     * their rollup per day (campaign, day, county and person), both through the primary key, whose
     * range is the campaign's part (and its days'): MariaDB 10.11 would otherwise push the join with
     * the person into the grouping and read every campaign's rows of each person through the foreign
     * key's index.
     */
    private static String personTotals(People people, SummaryFilter filter, List<Object> p) {
        String x = scope("x", filter, p);
        return "SELECT x." + people.idColumn() + " AS person_id, SUM(x.sessions) AS sessions, SUM(x.units) AS units,"
                + " SUM(x.gross) AS gross, SUM(x.refunds) AS refunds, SUM(x.views) AS views"
                + " FROM " + (filter.narrowsDates() ? people.dayRollup() : people.rollup()) + " x FORCE INDEX (PRIMARY)"
                + " WHERE " + x + " GROUP BY x." + people.idColumn();
    }

    /**
     * The products sold in the filter's scope, best-selling first, at most {@code limit}, and how
     * many there are in all (a window over the same rows, so one pass). Without a date range from
     * product_sales (its primary key starts with the campaign); with one from product_week_sales for
     * its whole weeks and product_day_sales for its other days (campaign, week or day, county,
     * product: each part is one range of a primary key).
     */
    Rows.Products byProduct(SummaryFilter filter, int limit) {
        List<Object> p = new ArrayList<>();
        String totals = productTotals(filter, p);
        p.add(limit);
        long[] count = {0};
        // the best-selling are chosen (and all counted) before their names are joined: thousands of
        // products, a few of them named
        List<Rows.Product> rows = sql.list("SELECT pr.id, pr.name, pr.county_code, c.name AS county_name, pr.unit,"
                        + " t.sessions, t.units, t.orders, t.gross, t.refunds, t.products,"
                        // the selling counties are the sessions' (first and last of them): another than the product's own
                        + " (t.first_seller <> pr.county_code OR t.last_seller <> pr.county_code) AS sold_elsewhere"
                        + " FROM (SELECT g.*, COUNT(*) OVER () AS products FROM (" + totals + ") g"
                        + "   ORDER BY g.gross DESC, g.product_id LIMIT ?) t"
                        + " JOIN product pr ON pr.id = t.product_id JOIN county c ON c.code = pr.county_code"
                        + " ORDER BY t.gross DESC, pr.id", p,
                row -> {
                    count[0] = row.getLong("products");
                    return new Rows.Product(row.getLong("id"), row.getString("name"), row.getString("county_code"),
                            row.getString("county_name"), row.getString("unit"), row.getLong("sessions"),
                            row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds"),
                            row.getBoolean("sold_elsewhere"));
                });
        return new Rows.Products(rows, count[0]);
    }

    /**
     * Sales per product in the filter's scope: product_id, sessions, units, orders, gross, refunds,
     * and the first and last selling county (the sessions' counties).
     */
    private static String productTotals(SummaryFilter filter, List<Object> p) {
        if (!filter.narrowsDates()) {
            String province = "";
            if (filter.province() != null) {
                province = " JOIN county pc ON pc.code = ps.county_code AND pc.province_code = ?";
                p.add(filter.province());
            }
            p.add(filter.campaignId());
            StringBuilder where = new StringBuilder("ps.campaign_id = ?");
            appendAccepted(where, "ps", filter, p);
            return "SELECT ps.product_id, SUM(ps.line_count) AS sessions, SUM(ps.units) AS units,"
                    + " SUM(ps.orders) AS orders, SUM(ps.gross) AS gross, SUM(ps.refunds) AS refunds,"
                    + " MIN(ps.county_code) AS first_seller, MAX(ps.county_code) AS last_seller"
                    + " FROM product_sales ps FORCE INDEX (PRIMARY)" + province
                    + " WHERE " + where + " GROUP BY ps.product_id";
        }
        // a date range: its whole weeks (Monday to Sunday) from the products' rollup per week, its
        // other days from the rollup per day; both keys start with the campaign and the week or day
        LocalDate firstMonday = filter.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = filter.to().plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusDays(7);
        String columns = "product_id, line_count, units, orders, gross, refunds, county_code";
        List<String> parts = new ArrayList<>();
        if (!lastMonday.isBefore(firstMonday)) {
            StringBuilder weeks = new StringBuilder("pw.campaign_id = ? AND pw.week_start BETWEEN ? AND ?");
            p.add(filter.campaignId());
            p.add(firstMonday);
            p.add(lastMonday);
            appendProvince(weeks, "pw", filter.province(), p);
            appendAccepted(weeks, "pw", filter, p);
            parts.add("SELECT " + columns + " FROM product_week_sales pw FORCE INDEX (PRIMARY) WHERE " + weeks);
            for (LocalDate[] days : List.of(new LocalDate[] {filter.from(), firstMonday.minusDays(1)},
                    new LocalDate[] {lastMonday.plusDays(7), filter.to()})) {
                if (!days[1].isBefore(days[0])) {
                    parts.add("SELECT " + columns + " FROM product_day_sales pd FORCE INDEX (PRIMARY) WHERE "
                            + dayScope(filter, days[0], days[1], p));
                }
            }
        } else {
            parts.add("SELECT " + columns + " FROM product_day_sales pd FORCE INDEX (PRIMARY) WHERE "
                    + dayScope(filter, filter.from(), filter.to(), p));
        }
        return "SELECT u.product_id, SUM(u.line_count) AS sessions, SUM(u.units) AS units, SUM(u.orders) AS orders,"
                + " SUM(u.gross) AS gross, SUM(u.refunds) AS refunds,"
                + " MIN(u.county_code) AS first_seller, MAX(u.county_code) AS last_seller"
                + " FROM (" + String.join(" UNION ALL ", parts) + ") u GROUP BY u.product_id";
    }

    /** product_day_sales pd of the campaign between these days, in the filter's province and counties. */
    private static String dayScope(SummaryFilter filter, LocalDate from, LocalDate to, List<Object> p) {
        StringBuilder where = new StringBuilder("pd.campaign_id = ? AND pd.live_date BETWEEN ? AND ?");
        p.add(filter.campaignId());
        p.add(from);
        p.add(to);
        appendProvince(where, "pd", filter.province(), p);
        appendAccepted(where, "pd", filter, p);
        return where.toString();
    }

    /** Every day with a session, in order. */
    List<Rows.Day> byDay(SummaryFilter filter) {
        List<Object> p = new ArrayList<>();
        String days = scope("d", filter, p);
        return sql.list("SELECT d.live_date, SUM(d.sessions) AS sessions, SUM(d.units) AS units, SUM(d.orders) AS orders,"
                        + " SUM(d.gross) AS gross, SUM(d.refunds) AS refunds, SUM(d.views) AS views"
                        + " FROM county_day_sales d WHERE " + days + " GROUP BY d.live_date ORDER BY d.live_date", p,
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
        // the first sessions are chosen before their sales are joined, so only their rollup rows are read;
        // the index is in time order, so they are read in order and the scan stops at the limit (on a
        // small table the optimizer would rather sort it all, which stops being cheap at national scale)
        return sql.list("SELECT f.id, f.live_date, f.county_code, c.name AS county_name, f.platform,"
                        + " TIMESTAMPDIFF(SECOND, f.starts_at, f.ends_at) / 3600 AS hours,"
                        + " f.views, f.unique_viewers, f.peak_viewers,"
                        + " COALESCE(t.units, 0) AS units, COALESCE(t.orders, 0) AS orders,"
                        + " t.gross, t.refunds"
                        + " FROM (SELECT s.id, s.live_date, s.starts_at, s.ends_at, s.county_code, s.platform, s.views,"
                        + "   s.unique_viewers, s.peak_viewers FROM live_session s FORCE INDEX (ix_live_session_campaign_start)"
                        + "   WHERE " + sessions
                        + "   ORDER BY s.live_date, s.starts_at, s.id LIMIT ?) f"
                        + " JOIN county c ON c.code = f.county_code"
                        + " LEFT JOIN session_sales t ON t.session_id = f.id"
                        + " ORDER BY f.live_date, f.starts_at, f.id", p,
                row -> new Rows.Session(row.getLong("id"), date(row, "live_date"), row.getString("county_code"),
                        row.getString("county_name"), row.getString("platform"), row.getBigDecimal("hours"),
                        longOrNull(row, "views"), longOrNull(row, "unique_viewers"), longOrNull(row, "peak_viewers"),
                        row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds")));
    }

    /**
     * The campaign, the date range when it narrows the period, and the province: for live_session,
     * sale_line, county_day_sales, (without a date range) host_sales and official_sales and (with one)
     * host_day_sales, official_day_sales and product_day_sales alike: all carry campaign_id and
     * county_code, and all but host_sales and official_sales live_date. product_sales has no day and
     * is scoped in {@link #productTotals}.
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
        appendAccepted(where, alias, filter, p);
        return where.toString();
    }

    /** Only the counties whose figures are accepted, when the filter asks for them. */
    private static void appendAccepted(StringBuilder where, String alias, SummaryFilter filter, List<Object> p) {
        if (filter.acceptedOnly()) {
            where.append(" AND ").append(alias).append(".county_code IN (SELECT a.county_code FROM campaign_county a")
                    .append(" WHERE a.campaign_id = ? AND a.sign_off = 'ACCEPTED')");
            p.add(filter.campaignId());
        }
    }

    /**
     * The distinct households linked to the campaign (each once however many links it has, kept
     * per household county in county_people), in the province by the household's own county.
     * Links carry no date, so the date range does not narrow them: the page says so.
     */
    private static String householdScope(SummaryFilter filter, List<Object> p) {
        StringBuilder where = new StringBuilder("cp.campaign_id = ?");
        p.add(filter.campaignId());
        appendProvince(where, "cp", filter.province(), p);
        appendAccepted(where, "cp", filter, p);
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

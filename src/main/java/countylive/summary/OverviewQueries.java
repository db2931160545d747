package countylive.summary;

import jakarta.inject.Singleton;

import java.util.List;

import static countylive.summary.Sql.date;
import static countylive.summary.Sql.longOrNull;
import static countylive.summary.Sql.money;

/**
 * The figures across campaigns: per campaign, per province and national, all by GROUP BY; the
 * sessions, views and sales from the county_sales rollup (one row per campaign county: a few
 * thousand rows at national scale) rather than from live_session and sale_line. With
 * {@code acceptedOnly}, only the campaign counties whose figures are accepted count (the sign-off): each rollup is joined to its campaign county.
 */
@Singleton
class OverviewQueries {

    private final Sql sql;

    OverviewQueries(Sql sql) {
        this.sql = sql;
    }

    /** The campaign counties that count: all of them, or the accepted ones. */
    private static String counting(boolean acceptedOnly) {
        return acceptedOnly ? "(SELECT campaign_id, county_code, sign_off FROM campaign_county WHERE sign_off = 'ACCEPTED')"
                : "campaign_county";
    }

    /** A rollup's rows in the campaign counties that count. */
    private static String rollup(String table, boolean acceptedOnly) {
        return acceptedOnly ? "(SELECT r.* FROM " + table + " r JOIN campaign_county a ON a.campaign_id = r.campaign_id"
                + " AND a.county_code = r.county_code AND a.sign_off = 'ACCEPTED')" : table;
    }

    List<Rows.CampaignTotal> campaigns(boolean acceptedOnly) {
        return sql.list("SELECT c.id, c.name, c.starts_on, c.ends_on, COALESCE(cc.counties, 0) AS counties,"
                + " COALESCE(cc.accepted, 0) AS accepted,"
                + " COALESCE(s.sessions, 0) AS sessions, COALESCE(s.units, 0) AS units, s.gross, s.refunds,"
                + " s.views, hh.people"
                + " FROM campaign c"
                + " LEFT JOIN (SELECT campaign_id, COUNT(*) AS counties, SUM(sign_off = 'ACCEPTED') AS accepted"
                + "   FROM " + counting(acceptedOnly) + " x GROUP BY campaign_id) cc ON cc.campaign_id = c.id"
                + " LEFT JOIN (SELECT campaign_id, SUM(sessions) AS sessions, SUM(views) AS views, SUM(units) AS units,"
                + "   SUM(gross) AS gross, SUM(refunds) AS refunds FROM " + rollup("county_sales", acceptedOnly)
                + "   d GROUP BY campaign_id) s ON s.campaign_id = c.id"
                + " LEFT JOIN (SELECT campaign_id, SUM(people) AS people FROM " + rollup("county_people", acceptedOnly)
                + "   p GROUP BY campaign_id) hh ON hh.campaign_id = c.id"
                + " ORDER BY c.starts_on DESC, c.id DESC", List.of(),
                row -> new Rows.CampaignTotal(row.getLong("id"), row.getString("name"), date(row, "starts_on"),
                        date(row, "ends_on"), row.getLong("counties"), row.getLong("accepted"), row.getLong("sessions"),
                        row.getLong("units"), money(row, "gross"), money(row, "refunds"), longOrNull(row, "views"),
                        longOrNull(row, "people")));
    }

    /** Provinces with at least one participating county. */
    List<Rows.ProvinceTotal> provinces(boolean acceptedOnly) {
        return sql.list("SELECT p.code, p.name, cc.campaigns, cc.counties, COALESCE(s.sessions, 0) AS sessions,"
                + " COALESCE(s.units, 0) AS units, s.gross, s.refunds, s.views"
                + " FROM province p"
                + " JOIN (SELECT c.province_code, COUNT(DISTINCT x.campaign_id) AS campaigns,"
                + "   COUNT(DISTINCT x.county_code) AS counties FROM " + counting(acceptedOnly) + " x"
                + "   JOIN county c ON c.code = x.county_code GROUP BY c.province_code) cc ON cc.province_code = p.code"
                + " LEFT JOIN (SELECT c.province_code, SUM(t.sessions) AS sessions, SUM(t.views) AS views,"
                + "   SUM(t.units) AS units, SUM(t.gross) AS gross, SUM(t.refunds) AS refunds"
                + "   FROM " + rollup("county_sales", acceptedOnly) + " t"
                + "   JOIN county c ON c.code = t.county_code GROUP BY c.province_code) s ON s.province_code = p.code"
                + " ORDER BY gross DESC, p.code", List.of(),
                row -> new Rows.ProvinceTotal(row.getString("code"), row.getString("name"), row.getLong("campaigns"),
                        row.getLong("counties"), row.getLong("sessions"), row.getLong("units"), money(row, "gross"),
                        money(row, "refunds"), longOrNull(row, "views")));
    }

    /** National totals; people count each household once across all campaigns. */
    Rows.ProvinceTotal national(boolean acceptedOnly) {
        String campaigns = acceptedOnly ? "(SELECT COUNT(DISTINCT campaign_id) FROM " + counting(true) + " x)"
                : "(SELECT COUNT(*) FROM campaign)";
        return sql.one("SELECT " + campaigns + " AS campaigns,"
                + " (SELECT COUNT(DISTINCT county_code) FROM " + counting(acceptedOnly) + " x) AS counties,"
                + " COALESCE(SUM(t.sessions), 0) AS sessions, SUM(t.views) AS views,"
                + " COALESCE(SUM(t.units), 0) AS units, SUM(t.gross) AS gross, SUM(t.refunds) AS refunds"
                + " FROM " + rollup("county_sales", acceptedOnly) + " t", List.of(),
                row -> new Rows.ProvinceTotal("", "", row.getLong("campaigns"), row.getLong("counties"),
                        row.getLong("sessions"), row.getLong("units"), money(row, "gross"), money(row, "refunds"),
                        longOrNull(row, "views")));
    }

    /**
     * Distinct households linked to any campaign (in an accepted campaign county) and their members:
     * from county_reach, a row per household county, or, for accepted figures only, from the links.
     */
    long[] nationalPeople(boolean acceptedOnly) {
        if (!acceptedOnly) {
            return sql.one("SELECT COALESCE(SUM(households), 0), COALESCE(SUM(people), 0) FROM county_reach",
                    List.of(), row -> new long[] {row.getLong(1), row.getLong(2)});
        }
        return sql.one("SELECT COUNT(*), COALESCE(SUM(h.members), 0) FROM household h"
                + " WHERE h.id IN (SELECT household_id FROM " + rollup("beneficiary_link", true) + " b)",
                List.of(), row -> new long[] {row.getLong(1), row.getLong(2)});
    }

    /**
     * People assisted per province: the distinct households linked to any campaign (in an accepted
     * campaign county), each once, in its own county's province, as the national figure counts them.
     */
    java.util.Map<String, Long> peoplePerProvince(boolean acceptedOnly) {
        java.util.Map<String, Long> people = new java.util.LinkedHashMap<>();
        String statement = acceptedOnly
                ? "SELECT c.province_code, SUM(h.members) FROM household h JOIN county c ON c.code = h.county_code"
                        + " WHERE h.id IN (SELECT household_id FROM " + rollup("beneficiary_link", true) + " b)"
                        + " GROUP BY c.province_code"
                : "SELECT c.province_code, SUM(r.people) FROM county_reach r JOIN county c ON c.code = r.county_code"
                        + " GROUP BY c.province_code";
        sql.list(statement, List.of(), row -> people.put(row.getString(1), row.getLong(2)));
        return people;
    }
}

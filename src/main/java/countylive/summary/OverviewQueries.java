package countylive.summary;

import jakarta.inject.Singleton;

import java.util.List;

import static countylive.summary.Sql.date;
import static countylive.summary.Sql.longOrNull;
import static countylive.summary.Sql.money;

/**
 * The figures across campaigns: per campaign, per province and national, all by GROUP BY; the
 * sales from the session_sales rollup (one row per session) rather than from sale_line.
 */
@Singleton
class OverviewQueries {

    private final Sql sql;

    OverviewQueries(Sql sql) {
        this.sql = sql;
    }

    List<Rows.CampaignTotal> campaigns() {
        return sql.list("SELECT c.id, c.name, c.starts_on, c.ends_on, COALESCE(cc.counties, 0) AS counties,"
                + " COALESCE(s.sessions, 0) AS sessions, COALESCE(l.units, 0) AS units, l.gross, l.refunds,"
                + " s.views, hh.people"
                + " FROM campaign c"
                + " LEFT JOIN (SELECT campaign_id, COUNT(*) AS counties FROM campaign_county GROUP BY campaign_id) cc"
                + "   ON cc.campaign_id = c.id"
                + " LEFT JOIN (SELECT campaign_id, COUNT(*) AS sessions, SUM(views) AS views FROM live_session"
                + "   GROUP BY campaign_id) s ON s.campaign_id = c.id"
                + " LEFT JOIN (SELECT campaign_id, SUM(units) AS units, SUM(gross) AS gross, SUM(refunds) AS refunds"
                + "   FROM session_sales GROUP BY campaign_id) l ON l.campaign_id = c.id"
                + " LEFT JOIN (SELECT b.campaign_id, SUM(h.members) AS people"
                + "   FROM (SELECT DISTINCT campaign_id, household_id FROM beneficiary_link) b"
                + "   JOIN household h ON h.id = b.household_id GROUP BY b.campaign_id) hh ON hh.campaign_id = c.id"
                + " ORDER BY c.starts_on DESC, c.id DESC", List.of(),
                row -> new Rows.CampaignTotal(row.getLong("id"), row.getString("name"), date(row, "starts_on"),
                        date(row, "ends_on"), row.getLong("counties"), row.getLong("sessions"), row.getLong("units"),
                        money(row, "gross"), money(row, "refunds"), longOrNull(row, "views"), longOrNull(row, "people")));
    }

    /** Provinces with at least one participating county. */
    List<Rows.ProvinceTotal> provinces() {
        return sql.list("SELECT p.code, p.name, cc.campaigns, cc.counties, COALESCE(s.sessions, 0) AS sessions,"
                + " COALESCE(l.units, 0) AS units, l.gross, l.refunds, s.views"
                + " FROM province p"
                + " JOIN (SELECT c.province_code, COUNT(DISTINCT x.campaign_id) AS campaigns,"
                + "   COUNT(DISTINCT x.county_code) AS counties FROM campaign_county x"
                + "   JOIN county c ON c.code = x.county_code GROUP BY c.province_code) cc ON cc.province_code = p.code"
                + " LEFT JOIN (SELECT c.province_code, SUM(t.sessions) AS sessions, SUM(t.views) AS views"
                + "   FROM (SELECT county_code, COUNT(*) AS sessions, SUM(views) AS views FROM live_session"
                + "     GROUP BY county_code) t JOIN county c ON c.code = t.county_code GROUP BY c.province_code) s"
                + "   ON s.province_code = p.code"
                + " LEFT JOIN (SELECT c.province_code, SUM(t.units) AS units, SUM(t.gross) AS gross,"
                + "   SUM(t.refunds) AS refunds"
                + "   FROM (SELECT county_code, SUM(units) AS units, SUM(gross) AS gross, SUM(refunds) AS refunds"
                + "     FROM session_sales GROUP BY county_code) t JOIN county c ON c.code = t.county_code"
                + "   GROUP BY c.province_code) l ON l.province_code = p.code"
                + " ORDER BY gross DESC, p.code", List.of(),
                row -> new Rows.ProvinceTotal(row.getString("code"), row.getString("name"), row.getLong("campaigns"),
                        row.getLong("counties"), row.getLong("sessions"), row.getLong("units"), money(row, "gross"),
                        money(row, "refunds"), longOrNull(row, "views")));
    }

    /** National totals; people count each household once across all campaigns. */
    Rows.ProvinceTotal national() {
        return sql.one("SELECT (SELECT COUNT(*) FROM campaign) AS campaigns,"
                + " (SELECT COUNT(DISTINCT county_code) FROM campaign_county) AS counties,"
                + " (SELECT COUNT(*) FROM live_session) AS sessions,"
                + " (SELECT SUM(views) FROM live_session) AS views,"
                + " COALESCE(SUM(t.units), 0) AS units, SUM(t.gross) AS gross, SUM(t.refunds) AS refunds"
                + " FROM session_sales t", List.of(),
                row -> new Rows.ProvinceTotal("", "", row.getLong("campaigns"), row.getLong("counties"),
                        row.getLong("sessions"), row.getLong("units"), money(row, "gross"), money(row, "refunds"),
                        longOrNull(row, "views")));
    }

    /** Distinct households linked to any campaign and their members. */
    long[] nationalPeople() {
        return sql.one("SELECT COUNT(*), COALESCE(SUM(h.members), 0) FROM household h"
                + " WHERE h.id IN (SELECT household_id FROM beneficiary_link)", List.of(),
                row -> new long[] {row.getLong(1), row.getLong(2)});
    }
}

package countylive.trace;

import countylive.database.Reads;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The households behind a campaign's "households" and "people assisted": each household linked to
 * the selection's campaign (or to any campaign), once however many links it has, counted in its
 * own county, as the county_people rollup counts them (docs/summaries.md, "People assisted").
 * The selection's campaign, county, province, accepted counties and the user's counties apply;
 * hosts, products and days do not (links carry none).
 */
@Singleton
class HouseholdTrace {

    static final int PAGE_SIZE = 50;

    record Totals(long households, long people) {
    }

    record Household(long id, String registrationNo, String countyCode, String county, String village, String headName,
                     int members) {
    }

    record Village(String countyCode, String county, String village, long households, long people) {
    }

    private final Reads reads;

    HouseholdTrace(Reads reads) {
        this.reads = reads;
    }

    Totals totals(LineSelection selection) {
        List<Object> p = new ArrayList<>();
        String where = where(selection, p);
        return reads.one("SELECT COUNT(*), COALESCE(SUM(h.members), 0) FROM household h WHERE " + where, p,
                row -> new Totals(row.getLong(1), row.getLong(2)));
    }

    List<Household> households(LineSelection selection, int page) {
        List<Object> p = new ArrayList<>();
        String where = where(selection, p);
        p.add(PAGE_SIZE);
        p.add((long) page * PAGE_SIZE);
        return reads.list("SELECT h.id, h.registration_no, h.county_code, c.name, h.village, h.head_name, h.members"
                        + " FROM household h JOIN county c ON c.code = h.county_code WHERE " + where
                        + " ORDER BY h.county_code, h.village, h.registration_no LIMIT ? OFFSET ?", p,
                row -> new Household(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getInt(7)));
    }

    /** Counts only: what association staff may see. */
    List<Village> perVillage(LineSelection selection) {
        List<Object> p = new ArrayList<>();
        String where = where(selection, p);
        return reads.list("SELECT h.county_code, c.name, h.village, COUNT(*), SUM(h.members)"
                        + " FROM household h JOIN county c ON c.code = h.county_code WHERE " + where
                        + " GROUP BY h.county_code, c.name, h.village ORDER BY h.county_code, h.village", p,
                row -> new Village(row.getString(1), row.getString(2), row.getString(3), row.getLong(4), row.getLong(5)));
    }

    /** The households linked in the selection: the link's campaign and county, the household's own county. */
    private static String where(LineSelection s, List<Object> p) {
        List<String> links = new ArrayList<>();
        if (s.campaignId() != null) {
            links.add("b.campaign_id = ?");
            p.add(s.campaignId());
        }
        if (s.acceptedOnly()) {
            links.add("EXISTS (SELECT 1 FROM campaign_county a WHERE a.campaign_id = b.campaign_id"
                    + " AND a.county_code = b.county_code AND a.sign_off = 'ACCEPTED')");
        }
        List<String> where = new ArrayList<>();
        where.add("h.id IN (SELECT b.household_id FROM beneficiary_link b"
                + (links.isEmpty() ? "" : " WHERE " + String.join(" AND ", links)) + ")");
        if (s.countyCode() != null) {
            where.add("h.county_code = ?");
            p.add(s.countyCode());
        }
        if (s.provinceCode() != null) {
            where.add("h.county_code IN (SELECT code FROM county WHERE province_code = ?)");
            p.add(s.provinceCode());
        }
        if (s.within() != null) {
            if (s.within().isEmpty()) {
                where.add("FALSE");
            } else {
                where.add("h.county_code IN (" + String.join(",", java.util.Collections.nCopies(s.within().size(), "?")) + ")");
                p.addAll(s.within());
            }
        }
        return String.join(" AND ", where);
    }
}

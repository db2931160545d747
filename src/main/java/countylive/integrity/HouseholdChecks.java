package countylive.integrity;

/**
 * Households that do not fit their links or each other. The findings show registration numbers
 * and counties, never a name: the page is for administrators, the log and the table are not.
 */
final class HouseholdChecks {

    /**
     * A link's county is a county of its campaign (a foreign key says so), so a household whose
     * own county differs from its link's is linked to a campaign of another county. The ledger
     * keeps a linked household in its county; this finds data changed outside it.
     */
    static final SqlCheck LINKED_OUTSIDE_COUNTY = new SqlCheck("linkedOutsideCounty", Severity.ERROR, "/households/%s", """
            SELECT h.id, h.registration_no, hc.name, c.name, lc.name
            FROM beneficiary_link b JOIN household h ON h.id = b.household_id JOIN campaign c ON c.id = b.campaign_id
            JOIN county hc ON hc.code = h.county_code JOIN county lc ON lc.code = b.county_code
            WHERE b.county_code <> h.county_code
            ORDER BY h.id, b.campaign_id""");

    /**
     * Registration numbers that are one number written differently. Spaces (also the full-width
     * one and tabs) are removed here; case and full-width/half-width letters and digits are equal
     * under utf8mb4_unicode_ci, so grouping under that collation joins them.
     */
    private static final String NORMALISED = "REPLACE(REPLACE(REPLACE(%s, ' ', ''), '\u3000', ''), '\\t', '')"
            + " COLLATE utf8mb4_unicode_ci";

    static final SqlCheck LOOKALIKE_REGISTRATIONS = new SqlCheck("lookalikeRegistrations", Severity.WARNING,
            "/households/%s", """
            SELECT h.id, h.registration_no, co.name, d.registrations
            FROM household h JOIN county co ON co.code = h.county_code
            JOIN (SELECT %1$s AS number, COUNT(*) AS registrations FROM household GROUP BY %1$s HAVING COUNT(*) > 1) d
              ON d.number = %2$s
            ORDER BY d.number, h.id""".formatted(NORMALISED.formatted("registration_no"),
            NORMALISED.formatted("h.registration_no")));

    private HouseholdChecks() {
    }
}

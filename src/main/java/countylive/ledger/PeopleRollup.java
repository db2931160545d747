package countylive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static countylive.ledger.Jdbc.queryIn;
import static countylive.ledger.Jdbc.update;

/**
 * county_people: the distinct linked households and their members per campaign and household
 * county; and county_reach, the same across all campaigns per household county. Like
 * {@link Rollups}, called by the ledger alone, after it has locked the campaign counties a change
 * of a link or of a linked household touches.
 */
final class PeopleRollup {

    private static final String PEOPLE = """
            INSERT INTO county_people (campaign_id, county_code, households, people)
            SELECT ?, h.county_code, COUNT(*), SUM(h.members) FROM household h
            WHERE h.county_code = ?
              AND EXISTS (SELECT 1 FROM beneficiary_link b WHERE b.campaign_id = ? AND b.household_id = h.id)
            GROUP BY h.county_code""";

    /** The rows of whole campaigns, those the condition on beneficiary_link picks. */
    static final String CAMPAIGNS = """
            INSERT INTO county_people (campaign_id, county_code, households, people)
            SELECT b.campaign_id, h.county_code, COUNT(*) AS households, SUM(h.members) AS people
            FROM (SELECT DISTINCT campaign_id, household_id FROM beneficiary_link WHERE %s) b
            JOIN household h ON h.id = b.household_id
            GROUP BY b.campaign_id, h.county_code""";

    /**
     * county_reach (V18): a county's households linked to any campaign, each once, across all
     * campaigns; the national overview's people assisted.
     */
    static final String REACH = """
            INSERT INTO county_reach (county_code, households, people)
            SELECT h.county_code, COUNT(*) AS households, SUM(h.members) AS people FROM household h
            WHERE %s AND EXISTS (SELECT 1 FROM beneficiary_link b WHERE b.household_id = h.id)
            GROUP BY h.county_code""";

    private PeopleRollup() {
    }

    /** The campaign counties these households count in now: their links' campaigns, their own county. */
    static Set<Footprint.Scope> scopesOf(Connection connection, Collection<Long> householdIds) throws SQLException {
        Set<Footprint.Scope> scopes = new TreeSet<>();
        queryIn(connection, "SELECT b.campaign_id, h.county_code FROM beneficiary_link b"
                        + " JOIN household h ON h.id = b.household_id WHERE b.household_id IN (?*)", householdIds,
                row -> scopes.add(new Footprint.Scope(row.getLong(1), row.getString(2))));
        return scopes;
    }

    /** Recomputes the rows of these campaign counties, and the reach of their counties. */
    static void refresh(Connection connection, Collection<Footprint.Scope> scopes) throws SQLException {
        Set<String> counties = new TreeSet<>();
        for (Footprint.Scope scope : new TreeSet<>(scopes)) {
            List<Object> key = List.of(scope.campaignId(), scope.countyCode());
            update(connection, "DELETE FROM county_people WHERE campaign_id = ? AND county_code = ?", key);
            update(connection, PEOPLE, List.of(scope.campaignId(), scope.countyCode(), scope.campaignId()));
            counties.add(scope.countyCode());
        }
        refreshReach(connection, counties);
    }

    /** Recomputes the rows of a whole campaign, and the reach of the counties it counted people in before or does now. */
    static void rebuild(Connection connection, long campaignId) throws SQLException {
        Set<String> counties = countiesCounted(connection, campaignId);
        update(connection, "DELETE FROM county_people WHERE campaign_id = ?", List.of(campaignId));
        update(connection, CAMPAIGNS.formatted("campaign_id = ?"), List.of(campaignId));
        counties.addAll(countiesCounted(connection, campaignId));
        refreshReach(connection, counties);
    }

    /** Recomputes the whole of county_reach: for the consistency tests' comparison. */
    static void rebuildReach(Connection connection) throws SQLException {
        update(connection, "DELETE FROM county_reach", List.of());
        update(connection, REACH.formatted("TRUE"), List.of());
    }

    /** In county order, so that two changes in different campaigns of one county take its row in the same order. */
    private static void refreshReach(Connection connection, Set<String> counties) throws SQLException {
        for (String county : counties) {
            update(connection, "DELETE FROM county_reach WHERE county_code = ?", List.of(county));
            update(connection, REACH.formatted("h.county_code = ?"), List.of(county));
        }
    }

    private static Set<String> countiesCounted(Connection connection, long campaignId) throws SQLException {
        Set<String> counties = new TreeSet<>();
        Jdbc.query(connection, "SELECT county_code FROM county_people WHERE campaign_id = ?", List.of(campaignId),
                row -> counties.add(row.getString(1)));
        return counties;
    }
}

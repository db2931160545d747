package countylive.summary;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static countylive.summary.RollupSql.chunks;
import static countylive.summary.RollupSql.lock;
import static countylive.summary.RollupSql.marks;
import static countylive.summary.RollupSql.query;
import static countylive.summary.RollupSql.update;

/**
 * Keeps county_people (the distinct linked households and their members per campaign and
 * household county) in step with beneficiary_link and household. Every writer of a link, or of a
 * household's members or county, calls {@link #before} first in its transaction and
 * {@link #after} last, as the sales writers do with {@link SalesRollup}.
 */
@Singleton
public class PeopleRollup {

    private static final String PEOPLE = """
            INSERT INTO county_people (campaign_id, county_code, households, people)
            SELECT ?, h.county_code, COUNT(*), SUM(h.members) FROM household h
            WHERE h.county_code = ?
              AND EXISTS (SELECT 1 FROM beneficiary_link b WHERE b.campaign_id = ? AND b.household_id = h.id)
            GROUP BY h.county_code""";

    /** The households a change touches and the campaign counties they counted in before it. */
    public record Counted(Set<Long> households, Set<Footprint.Scope> scopes) {
    }

    private final JdbcOperations jdbc;

    PeopleRollup(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the campaign counties these households count in now or may count in after the change
     * (the given campaigns, the given new counties), then notes where they count now.
     *
     * @param campaignIds campaigns a link is being added to or moved to
     * @param countyCodes counties a household is moving to
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Counted before(Collection<Long> householdIds, Collection<Long> campaignIds, Collection<String> countyCodes) {
        return jdbc.execute(connection -> {
            // read without locks (READ COMMITTED: the latest commits), so that the county locks come first
            Set<Long> campaigns = new TreeSet<>(campaignIds);
            Set<String> counties = new TreeSet<>(countyCodes);
            for (List<Long> chunk : chunks(householdIds)) {
                String marks = marks(chunk.size());
                query(connection, "SELECT county_code FROM household WHERE id IN (" + marks + ")", chunk,
                        row -> counties.add(row.getString(1)));
                query(connection, "SELECT campaign_id FROM beneficiary_link WHERE household_id IN (" + marks + ")", chunk,
                        row -> campaigns.add(row.getLong(1)));
            }
            Set<Footprint.Scope> locked = new TreeSet<>();
            campaigns.forEach(campaign -> counties.forEach(county -> locked.add(new Footprint.Scope(campaign, county))));
            lock(connection, locked);
            return new Counted(new TreeSet<>(householdIds), scopes(connection, householdIds));
        });
    }

    /** Recomputes the rows the households counted in before and count in now. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void after(Counted before) {
        jdbc.execute(connection -> {
            Set<Footprint.Scope> scopes = new TreeSet<>(before.scopes());
            scopes.addAll(scopes(connection, before.households()));
            for (Footprint.Scope scope : scopes) {
                refresh(connection, scope);
            }
            return null;
        });
    }

    /** Recomputes the rows of a whole campaign: for loaders, repairs and tests. */
    public static void rebuild(Connection connection, long campaignId) throws SQLException {
        update(connection, "DELETE FROM county_people WHERE campaign_id = ?", List.of(campaignId));
        update(connection, """
                INSERT INTO county_people (campaign_id, county_code, households, people)
                SELECT b.campaign_id, h.county_code, COUNT(*), SUM(h.members)
                FROM (SELECT DISTINCT campaign_id, household_id FROM beneficiary_link WHERE campaign_id = ?) b
                JOIN household h ON h.id = b.household_id
                GROUP BY b.campaign_id, h.county_code""", List.of(campaignId));
    }

    private static void refresh(Connection connection, Footprint.Scope scope) throws SQLException {
        List<Object> key = List.of(scope.campaignId(), scope.countyCode());
        update(connection, "DELETE FROM county_people WHERE campaign_id = ? AND county_code = ?", key);
        update(connection, PEOPLE, List.of(scope.campaignId(), scope.countyCode(), scope.campaignId()));
    }

    /** The campaigns and household counties these households are linked in. */
    private static Set<Footprint.Scope> scopes(Connection connection, Collection<Long> householdIds)
            throws SQLException {
        Set<Footprint.Scope> scopes = new TreeSet<>();
        for (List<Long> chunk : chunks(householdIds)) {
            query(connection, "SELECT b.campaign_id, h.county_code FROM beneficiary_link b"
                            + " JOIN household h ON h.id = b.household_id WHERE b.household_id IN ("
                            + marks(chunk.size()) + ")", chunk,
                    row -> scopes.add(new Footprint.Scope(row.getLong(1), row.getString(2))));
        }
        return scopes;
    }
}

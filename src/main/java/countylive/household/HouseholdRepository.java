package countylive.household;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Households as their pages read them; every change goes through countylive.ledger.Ledger. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface HouseholdRepository extends GenericRepository<Household, Long> {

    Optional<Household> findById(long id);

    @Introspected
    record CountyRow(String code, String name) {
    }

    /** Households and people of a county: what association staff see instead of names. */
    @Introspected
    record CountyCount(String countyCode, String countyName, long households, long members) {
    }

    @Query(value = """
            SELECT household_.* FROM household household_
            WHERE (:all = TRUE OR household_.county_code IN (:counties))
              AND (:pattern = '' OR household_.registration_no LIKE :pattern OR household_.head_name LIKE :pattern
                   OR household_.village LIKE :pattern)""",
            countQuery = """
            SELECT COUNT(*) FROM household h WHERE (:all = TRUE OR h.county_code IN (:counties))
              AND (:pattern = '' OR h.registration_no LIKE :pattern OR h.head_name LIKE :pattern OR h.village LIKE :pattern)""")
    Page<Household> search(boolean all, Collection<String> counties, String pattern, Pageable pageable);

    @Query(value = """
            SELECT h.county_code, c.name AS county_name, COUNT(*) AS households, SUM(h.members) AS members
            FROM household h JOIN county c ON c.code = h.county_code
            GROUP BY h.county_code, c.name ORDER BY h.county_code""", readOnly = true)
    List<CountyCount> countsPerCounty();

    @Query(value = "SELECT code, name FROM county WHERE code IN (:codes) ORDER BY code", readOnly = true)
    List<CountyRow> counties(Collection<String> codes);

    @Query(value = "SELECT code, name FROM county ORDER BY code", readOnly = true)
    List<CountyRow> allCounties();

    static @Nullable String nameOf(List<CountyRow> counties, String code) {
        return counties.stream().filter(c -> c.code().equals(code)).map(CountyRow::name).findFirst().orElse(null);
    }
}

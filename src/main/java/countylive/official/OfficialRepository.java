package countylive.official;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OfficialRepository extends CrudRepository<Official, Long> {

    /** Name, title, county code or county name contains the pattern. */
    @Query(value = """
            SELECT official_.* FROM official official_
            WHERE official_.name LIKE :pattern OR official_.title LIKE :pattern OR official_.county_code LIKE :pattern
               OR official_.county_code IN (SELECT code FROM county WHERE name LIKE :pattern)""",
            countQuery = """
            SELECT COUNT(*) FROM official
            WHERE name LIKE :pattern OR title LIKE :pattern OR county_code LIKE :pattern
               OR county_code IN (SELECT code FROM county WHERE name LIKE :pattern)""")
    Page<Official> search(String pattern, Pageable pageable);

    Page<Official> findAll(Pageable pageable);

    @Query("SELECT COUNT(*) FROM live_session_official WHERE official_id = :id")
    long countSessions(Long id);
}

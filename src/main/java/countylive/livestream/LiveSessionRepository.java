package countylive.livestream;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Sessions as their pages read them; every change goes through countylive.ledger.Ledger. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LiveSessionRepository extends GenericRepository<LiveSession, Long> {

    Optional<LiveSession> findById(long id);

    /**
     * The sessions of a campaign in the given counties, searched by county name or code, date
     * (yyyy-mm-dd) or platform.
     */
    @Query(value = """
            SELECT live_session_.* FROM live_session live_session_
            JOIN county county_ ON county_.code = live_session_.county_code
            WHERE live_session_.campaign_id = :campaignId AND live_session_.county_code IN (:counties)
              AND (:pattern = '' OR county_.name LIKE :pattern OR live_session_.county_code LIKE :pattern
                   OR CAST(live_session_.live_date AS CHAR) LIKE :pattern OR live_session_.platform LIKE :pattern)""",
            countQuery = """
            SELECT COUNT(*) FROM live_session s JOIN county c ON c.code = s.county_code
            WHERE s.campaign_id = :campaignId AND s.county_code IN (:counties)
              AND (:pattern = '' OR c.name LIKE :pattern OR s.county_code LIKE :pattern
                   OR CAST(s.live_date AS CHAR) LIKE :pattern OR s.platform LIKE :pattern)""")
    Page<LiveSession> search(long campaignId, Collection<String> counties, String pattern, Pageable pageable);

    /** A session's gross sales, for the list; a session without sale lines has no row. */
    @Introspected
    record SessionSales(long sessionId, BigDecimal gross) {
    }

    /** The gross sales of the sessions of a list page: one query for the page, not one a row. */
    @Query(value = """
            SELECT session_id, SUM(gross) AS gross FROM sale_line
            WHERE session_id IN (:sessionIds) GROUP BY session_id""", readOnly = true)
    List<SessionSales> salesOf(Collection<Long> sessionIds);

    @Query("SELECT host_id FROM live_session_host WHERE session_id = :sessionId")
    List<Long> hostIds(long sessionId);

    @Query("SELECT official_id FROM live_session_official WHERE session_id = :sessionId")
    List<Long> officialIds(long sessionId);
}

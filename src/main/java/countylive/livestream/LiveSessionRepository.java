package countylive.livestream;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LiveSessionRepository extends CrudRepository<LiveSession, Long> {

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

    @Query("SELECT host_id FROM live_session_host WHERE session_id = :sessionId")
    List<Long> hostIds(long sessionId);

    @Query("SELECT official_id FROM live_session_official WHERE session_id = :sessionId")
    List<Long> officialIds(long sessionId);

    @Query("DELETE FROM live_session_host WHERE session_id = :sessionId")
    void clearHosts(long sessionId);

    @Query("DELETE FROM live_session_official WHERE session_id = :sessionId")
    void clearOfficials(long sessionId);

    @Query("INSERT INTO live_session_host (session_id, host_id) VALUES (:sessionId, :hostId)")
    void addHost(long sessionId, long hostId);

    @Query("INSERT INTO live_session_official (session_id, official_id) VALUES (:sessionId, :officialId)")
    void addOfficial(long sessionId, long officialId);

    @Query("SELECT COUNT(*) FROM sale_line WHERE session_id = :sessionId")
    long countSaleLines(long sessionId);

    /** Claims the session for a change of its sales grid: false when someone saved in between. */
    @Query("UPDATE live_session SET version = version + 1, updated_at = NOW(3) WHERE id = :id AND version = :version")
    int bumpVersion(long id, int version);
}

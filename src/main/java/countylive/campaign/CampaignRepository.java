package countylive.campaign;

import io.micronaut.core.annotation.Nullable;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Campaigns with their partner and county links. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface CampaignRepository extends CrudRepository<Campaign, Long> {

    @Query(value = """
            SELECT campaign_.* FROM campaign campaign_
            WHERE campaign_.name LIKE :pattern OR campaign_.theme LIKE :pattern""",
            countQuery = "SELECT COUNT(*) FROM campaign WHERE name LIKE :pattern OR theme LIKE :pattern")
    Page<Campaign> search(String pattern, Pageable pageable);

    /** Only campaigns in which one of the counties takes part (a coordinator's view). */
    @Query(value = """
            SELECT campaign_.* FROM campaign campaign_
            WHERE (campaign_.name LIKE :pattern OR campaign_.theme LIKE :pattern)
              AND EXISTS (SELECT 1 FROM campaign_county cc
                          WHERE cc.campaign_id = campaign_.id AND cc.county_code IN (:codes))""",
            countQuery = """
            SELECT COUNT(*) FROM campaign c
            WHERE (c.name LIKE :pattern OR c.theme LIKE :pattern)
              AND EXISTS (SELECT 1 FROM campaign_county cc WHERE cc.campaign_id = c.id AND cc.county_code IN (:codes))""")
    Page<Campaign> searchInCounties(String pattern, Collection<String> codes, Pageable pageable);

    List<Campaign> listOrderByStartsOnDesc();

    @Query(value = """
            SELECT campaign_.* FROM campaign campaign_
            WHERE EXISTS (SELECT 1 FROM campaign_county cc
                          WHERE cc.campaign_id = campaign_.id AND cc.county_code IN (:codes))
            ORDER BY campaign_.starts_on DESC""", readOnly = true)
    List<Campaign> listInCounties(Collection<String> codes);

    boolean existsByName(String name);

    boolean existsByNameAndIdNotEqual(String name, Long id);

    @Query(value = "SELECT partner_id FROM campaign_partner WHERE campaign_id = :id ORDER BY partner_id", readOnly = true)
    List<Long> partnerIds(long id);

    @Query(value = "SELECT county_code FROM campaign_county WHERE campaign_id = :id ORDER BY county_code", readOnly = true)
    List<String> countyCodes(long id);

    @Query(value = "SELECT COUNT(*) FROM campaign_county WHERE campaign_id = :id AND county_code IN (:codes)",
            readOnly = true)
    long countCountiesAmong(long id, Collection<String> codes);

    @Query("INSERT INTO campaign_partner (campaign_id, partner_id) VALUES (:id, :partnerId)")
    void addPartner(long id, long partnerId);

    @Query("DELETE FROM campaign_partner WHERE campaign_id = :id AND partner_id = :partnerId")
    void removePartner(long id, long partnerId);

    @Query("INSERT INTO campaign_county (campaign_id, county_code) VALUES (:id, :countyCode)")
    void addCounty(long id, String countyCode);

    @Query("DELETE FROM campaign_county WHERE campaign_id = :id AND county_code = :countyCode")
    void removeCounty(long id, String countyCode);

    @Query(value = "SELECT COUNT(*) FROM live_session WHERE campaign_id = :id", readOnly = true)
    long countSessions(long id);

    @Query(value = "SELECT COUNT(*) FROM live_session WHERE campaign_id = :id AND live_date < :startsOn",
            readOnly = true)
    long countSessionsBefore(long id, LocalDate startsOn);

    @Query(value = "SELECT COUNT(*) FROM live_session WHERE campaign_id = :id AND live_date > :endsOn",
            readOnly = true)
    long countSessionsAfter(long id, LocalDate endsOn);

    @Query(value = "SELECT COUNT(*) FROM beneficiary_link WHERE campaign_id = :id", readOnly = true)
    long countBeneficiaryLinks(long id);

    @Query(value = "SELECT COUNT(*) FROM sale_import WHERE campaign_id = :id", readOnly = true)
    long countImports(long id);

    /** Sessions, beneficiary links and imports of one county in the campaign: what ties it to the campaign. */
    @Query(value = """
            SELECT (SELECT COUNT(*) FROM live_session WHERE campaign_id = :id AND county_code = :countyCode)
                 + (SELECT COUNT(*) FROM beneficiary_link WHERE campaign_id = :id AND county_code = :countyCode)
                 + (SELECT COUNT(*) FROM sale_import WHERE campaign_id = :id AND county_code = :countyCode)""",
            readOnly = true)
    long countRecordsInCounty(long id, String countyCode);

    /** The campaign's counties whose figures are not yet accepted (see SignOffState), in code order. */
    @Query(value = "SELECT county_code FROM campaign_county WHERE campaign_id = :id AND sign_off <> 'ACCEPTED'"
            + " ORDER BY county_code", readOnly = true)
    List<String> countiesNotAccepted(long id);

    /** The sign-off timeline's entry for a campaign closed with counties not yet accepted. */
    @Query("""
            INSERT INTO sign_off_event (campaign_id, county_code, action, user_id, user_name, occurred_at, reason)
            VALUES (:id, NULL, 'CLOSE_OVERRIDE', :userId, :userName, :at, :reason)""")
    void recordCloseOverride(long id, @Nullable Long userId, String userName, java.time.LocalDateTime at,
                             String reason);

    /** Locks one campaign county for a change of its data and raises its revision (see CampaignLocks). */
    @Query("UPDATE campaign_county SET revision = revision + 1 WHERE campaign_id = :id AND county_code = :countyCode")
    int lockCounty(long id, String countyCode);

    /** Locks every county of the campaign, in code order, as CampaignLocks does one by one. */
    @Query("UPDATE campaign_county SET revision = revision + 1 WHERE campaign_id = :id ORDER BY county_code")
    int lockCounties(long id);

    /** Keeps the revision of a county that is leaving the campaign, so the campaign's revision never goes down. */
    @Query("""
            UPDATE campaign SET retired_revision = retired_revision
                + (SELECT revision FROM campaign_county WHERE campaign_id = :id AND county_code = :countyCode)
            WHERE id = :id""")
    void retireCounty(long id, String countyCode);

    @Query(value = """
            SELECT c.retired_revision + COALESCE((SELECT SUM(cc.revision) FROM campaign_county cc
                                                  WHERE cc.campaign_id = c.id), 0)
            FROM campaign c WHERE c.id = :id""", readOnly = true)
    java.util.Optional<Long> revision(long id);
}

package countylive.livestream;

import countylive.campaign.CampaignStatus;
import countylive.host.Platform;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What session entry reads of tables that other features maintain (campaigns, counties, hosts,
 * officials): small projections, no entities of theirs.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface EntryLookups extends GenericRepository<LiveSession, Long> {

    @Introspected
    record CampaignRow(long id, String name, LocalDate startsOn, LocalDate endsOn, CampaignStatus status) {
        public boolean closed() {
            return status == CampaignStatus.CLOSED;
        }
    }

    @Introspected
    record CountyRow(String code, String name) {
    }

    @Introspected
    record HostRow(long id, String name, Platform platform, String handle) {
    }

    @Introspected
    record OfficialRow(long id, String name, String title, String countyCode) {
    }

    @Introspected
    record CampaignCountRow(long id, String name, LocalDate startsOn, LocalDate endsOn, CampaignStatus status,
                            long sessions) {
    }

    @Query(value = "SELECT id, name, starts_on, ends_on, status FROM campaign WHERE id = :id", readOnly = true)
    Optional<CampaignRow> campaign(long id);

    @Query(value = """
            SELECT c.code, c.name FROM campaign_county cc JOIN county c ON c.code = cc.county_code
            WHERE cc.campaign_id = :campaignId ORDER BY c.code""", readOnly = true)
    List<CountyRow> countiesOf(long campaignId);

    @Query(value = "SELECT code, name FROM county WHERE code IN (:codes) ORDER BY code", readOnly = true)
    List<CountyRow> counties(Collection<String> codes);

    /** The campaigns any of the counties takes part in, with their number of sessions there. */
    @Query(value = """
            SELECT c.id, c.name, c.starts_on, c.ends_on, c.status,
                   (SELECT COUNT(*) FROM live_session s WHERE s.campaign_id = c.id AND (:all = TRUE OR s.county_code IN (:counties))) AS sessions
            FROM campaign c
            WHERE :all = TRUE OR EXISTS (SELECT 1 FROM campaign_county cc WHERE cc.campaign_id = c.id AND cc.county_code IN (:counties))
            ORDER BY c.starts_on DESC, c.id DESC""", readOnly = true)
    List<CampaignCountRow> campaignsFor(boolean all, Collection<String> counties);

    @Query(value = "SELECT id, name, platform, handle FROM host ORDER BY name, id", readOnly = true)
    List<HostRow> hosts();

    @Query(value = "SELECT id, name, platform, handle FROM host WHERE id IN (:ids) ORDER BY name, id", readOnly = true)
    List<HostRow> hostsById(Collection<Long> ids);

    @Query(value = """
            SELECT id, name, title, county_code FROM official WHERE county_code IN (:counties)
            ORDER BY county_code, name, id""", readOnly = true)
    List<OfficialRow> officialsOf(Collection<String> counties);

    @Query(value = "SELECT id, name, title, county_code FROM official WHERE id IN (:ids) ORDER BY name, id", readOnly = true)
    List<OfficialRow> officialsById(Collection<Long> ids);

    static @Nullable String nameOf(List<CountyRow> counties, String code) {
        return counties.stream().filter(c -> c.code().equals(code)).map(CountyRow::name).findFirst().orElse(null);
    }
}

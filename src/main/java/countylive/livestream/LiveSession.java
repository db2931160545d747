package countylive.livestream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broadcast of a county in a campaign. live_date is the day the session started, even when
 * it ends after midnight; audience figures are null when not reported (missing is not zero).
 */
@MappedEntity("live_session")
public record LiveSession(
        @Id @GeneratedValue @Nullable Long id,
        long campaignId,
        String countyCode,
        Platform platform,
        LocalDate liveDate,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        @Nullable Long views,
        @Nullable Long uniqueViewers,
        @Nullable Long peakViewers,
        @Nullable Long newFollowers,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    LiveSession withStored(LiveSession stored) {
        return new LiveSession(stored.id(), campaignId, countyCode, platform, liveDate, startsAt, endsAt, views,
                uniqueViewers, peakViewers, newFollowers, version, stored.createdAt(), stored.updatedAt());
    }

    /** Whether the session ends on a later day than it starts. */
    public boolean endsNextDay() {
        return endsAt.toLocalDate().isAfter(liveDate);
    }

    /** The audited fields; hosts and officials are added by the service. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("campaignId", campaignId);
        values.put("countyCode", countyCode);
        values.put("platform", platform);
        values.put("startsAt", startsAt);
        values.put("endsAt", endsAt);
        values.put("views", views);
        values.put("uniqueViewers", uniqueViewers);
        values.put("peakViewers", peakViewers);
        values.put("newFollowers", newFollowers);
        return values;
    }
}

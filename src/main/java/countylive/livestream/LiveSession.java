package countylive.livestream;

import countylive.host.Platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One broadcast of a county in a campaign, as its pages read it (countylive.ledger changes it).
 * live_date is the day the session started, even when it ends after midnight; audience figures
 * are null when not reported (missing is not zero).
 */
@MappedEntity("live_session")
public record LiveSession(
        @Id Long id,
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
        int version,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** Whether the session ends on a later day than it starts. */
    public boolean endsNextDay() {
        return endsAt.toLocalDate().isAfter(liveDate);
    }
}

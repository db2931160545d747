package countylive.ledger;

import countylive.host.Platform;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A livestream session as a writer wants it to be. Its day is the day it starts, even when it
 * ends after midnight; audience figures are null when not reported (missing is not zero).
 *
 * @param newHost a host that does not exist yet, made with the session and taking part in it
 */
public record SessionDraft(long campaignId, String countyCode, Platform platform, LocalDateTime startsAt,
                           LocalDateTime endsAt, @Nullable Long views, @Nullable Long uniqueViewers,
                           @Nullable Long peakViewers, @Nullable Long newFollowers, Set<Long> hostIds,
                           Set<Long> officialIds, @Nullable NewHost newHost) {

    /** A host typed into the session form, to be registered with the session. */
    public record NewHost(String name, Platform platform, String handle) {
    }

    public LocalDate liveDate() {
        return startsAt.toLocalDate();
    }
}

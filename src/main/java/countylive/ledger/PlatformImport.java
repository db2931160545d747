package countylive.ledger;

import countylive.host.Platform;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Sessions read from a platform's own export (Douyin compass, Taobao 生意参谋) and confirmed in
 * the preview, for the ledger to write in one go into one campaign county: each session matched
 * to an existing one or new, its audience figures (null: not reported, the stored value stays),
 * its host, what the platform reports beyond County Live's fields, and its lines.
 */
public record PlatformImport(long campaignId, String countyCode, List<Session> sessions) {

    /**
     * @param sessionId       the session it updates, or null for a new one
     * @param hostId          a registered host taking part (added to the session's hosts), or null
     * @param newHost         a host to register with it, or null
     * @param metrics         the platform's other figures, as JSON
     * @param grossSource     where the lines' gross comes from (the session page labels it)
     */
    public record Session(@Nullable Long sessionId, Platform platform, String sourceFile, @Nullable String account,
                          @Nullable String platformSessionId, LocalDateTime startsAt, LocalDateTime endsAt,
                          @Nullable Long views, @Nullable Long uniqueViewers, @Nullable Long peakViewers,
                          @Nullable Long newFollowers, @Nullable Long hostId, @Nullable SessionDraft.NewHost newHost,
                          String metrics, String grossSource, List<Line> lines) {
    }

    /**
     * What the session sold of one County Live product (platform products matched to the same
     * product are added up).
     *
     * @param productId      the product, or null for a new one named {@code newProductName}
     * @param externalIds    the platform's ids of the product, remembered for the next export
     * @param refunds        null when the export has none: a stored line keeps its refunds
     */
    public record Line(@Nullable Long productId, @Nullable String newProductName, List<String> externalIds, long units,
                       long orders, BigDecimal gross, @Nullable BigDecimal refunds) {
    }

    /** What the import did; nothing created or changed means the files were imported before. */
    public record Outcome(int sessionsCreated, int sessionsChanged, int sessionsUnchanged, int linesCreated,
                          int linesChanged, int linesUnchanged, List<Long> sessionIds) {

        public boolean changedNothing() {
            return sessionsCreated == 0 && sessionsChanged == 0 && linesCreated == 0 && linesChanged == 0;
        }
    }
}

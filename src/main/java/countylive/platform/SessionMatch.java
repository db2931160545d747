package countylive.platform;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Which County Live session a session of the files is: the one an earlier import matched by the
 * platform's session id, else one on the same platform and account (its recorded account, or a
 * host's handle) starting within {@link #WINDOW} of it, else, in the importing county, one at that
 * time whose account is not known. Another county's session of the same account is not this
 * county's to import into: the import is refused and names it.
 */
public record SessionMatch(Kind kind, PlatformLookups.@Nullable Candidate session, boolean byTimeOnly) {

    /** A session starting within this of the export's start counts as the same. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    public enum Kind { NEW, OURS, OTHER_COUNTY }

    static SessionMatch of(Parsed.Session file, String countyCode, List<PlatformLookups.Candidate> byPlatformId,
                           List<PlatformLookups.Candidate> inWindow) {
        if (!byPlatformId.isEmpty()) {
            return found(byPlatformId.get(0), countyCode, false);
        }
        String account = file.account();
        List<PlatformLookups.Candidate> sameAccount = account == null ? List.of() : inWindow.stream()
                .filter(c -> account.equalsIgnoreCase(String.valueOf(c.account())) || c.handles().stream()
                        .anyMatch(account::equalsIgnoreCase)).toList();
        var elsewhere = sameAccount.stream().filter(c -> !c.countyCode().equals(countyCode)).findFirst();
        if (elsewhere.isPresent()) {
            return new SessionMatch(Kind.OTHER_COUNTY, elsewhere.get(), false);
        }
        var ours = closest(sameAccount, file.startsAt());
        if (ours != null) {
            return new SessionMatch(Kind.OURS, ours, false);
        }
        var unknownAccount = closest(inWindow.stream().filter(c -> c.countyCode().equals(countyCode)
                && c.account() == null && (account == null || c.handles().isEmpty())).toList(), file.startsAt());
        if (unknownAccount != null) {
            return new SessionMatch(Kind.OURS, unknownAccount, true);
        }
        return new SessionMatch(Kind.NEW, null, false);
    }

    private static SessionMatch found(PlatformLookups.Candidate candidate, String countyCode, boolean byTime) {
        return new SessionMatch(candidate.countyCode().equals(countyCode) ? Kind.OURS : Kind.OTHER_COUNTY, candidate,
                byTime);
    }

    private static PlatformLookups.@Nullable Candidate closest(List<PlatformLookups.Candidate> candidates,
                                                               LocalDateTime start) {
        return candidates.stream().filter(c -> Duration.between(c.startsAt(), start).abs().compareTo(WINDOW) <= 0)
                .min(Comparator.comparing(c -> Duration.between(c.startsAt(), start).abs())).orElse(null);
    }
}

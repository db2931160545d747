package countylive.platform;

import countylive.ledger.LineFigures;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the import would do, per session of the files, before anything is written: the matching
 * County Live session or a new one, the audience and every line with what it would change
 * (from → to), the choices the coordinator makes for unmatched products and hosts, and what
 * stops the import (another county's session, a value against the sale-line rules).
 *
 * @param refusals  problems of the whole import (message key and arguments): nothing can be confirmed
 * @param errors    problems by form field (the choices): confirmable once they are answered
 */
public record Preview(String token, long campaignId, String campaignName, String countyCode, String countyName,
               List<SessionView> sessions, List<Problem> refusals, Map<String, Problem> errors,
               List<PlatformLookups.ProductRow> products) {

    public record Problem(String key, List<Object> arguments) {
    }

    public boolean confirmable() {
        return refusals.isEmpty();
    }

    /** Nothing would change: the same files, imported before. */
    public boolean changesNothing() {
        return sessions.stream().allMatch(SessionView::unchanged);
    }

    /**
     * @param match     the session it updates (null: a new session)
     * @param changes   the session's fields, from → to (changed or not)
     * @param endsAt    the end the import writes (the export's, else the one typed, else null)
     */
    public record SessionView(int index, Parsed.Session parsed, SessionMatch match, List<FieldChange> changes,
                       @Nullable HostView host, List<ProductView> products, List<Map.Entry<String, String>> metrics,
                       boolean needsEnd, String endTyped, @Nullable LocalDateTime endsAt) {

        public boolean isNew() {
            return match.kind() == SessionMatch.Kind.NEW;
        }

        public boolean unchanged() {
            return !isNew() && changes.stream().noneMatch(FieldChange::changed)
                    && (host == null || host.matchedId() == null || match.session().hostIds().contains(host.matchedId()))
                    && products.stream().noneMatch(ProductView::changed);
        }
    }

    /** A session field: what it is, what it would be. */
    public record FieldChange(String labelKey, String from, String to, boolean changed) {
    }

    /**
     * The export's account: the registered host of that handle, or a choice (a host from the list,
     * or a new host of the export's name and handle).
     */
    public record HostView(String handle, String name, @Nullable Long matchedId, String choice,
                    List<PlatformLookups.HostRow> choices) {
    }

    /**
     * One product row of the export.
     *
     * @param choice    the County Live product's id, {@code new} or {@code skip}; empty until chosen
     * @param matchedBy {@code id} (remembered), {@code name}, or empty
     * @param before    the stored line of the chosen product in the matched session, or null
     * @param after     the line the import writes for that product (rows matched to one product added up)
     */
    public record ProductView(int index, Parsed.Product parsed, String choice, String matchedBy,
                       @Nullable LineFigures before, @Nullable LineFigures after, @Nullable Problem warning) {

        public boolean changed() {
            if ("skip".equals(choice)) {
                return false;
            }
            return after != null && (before == null || before.units() != after.units()
                    || before.orders() != after.orders() || before.gross().compareTo(after.gross()) != 0
                    || before.refunds().compareTo(after.refunds()) != 0);
        }
    }
}

package countylive.campaign;

import countylive.access.CurrentUser;
import countylive.access.Role;

import java.util.Set;

/**
 * A step of the sign-off, who may take it and from which states. Submitting is the coordinator's
 * (an administrator may do it for them); accepting and returning are the association's and the
 * administrators'; only an administrator reopens accepted figures. Returning and reopening need a
 * reason, which the coordinator reads on the campaign's sign-off page.
 */
public enum SignOffAction {
    SUBMIT(Set.of(SignOffState.OPEN, SignOffState.RETURNED), SignOffState.SUBMITTED, false),
    ACCEPT(Set.of(SignOffState.SUBMITTED), SignOffState.ACCEPTED, false),
    RETURN(Set.of(SignOffState.SUBMITTED), SignOffState.RETURNED, true),
    REOPEN(Set.of(SignOffState.ACCEPTED), SignOffState.RETURNED, true);

    /** The longest reason kept. */
    public static final int REASON_LENGTH = 500;

    private final Set<SignOffState> from;
    private final SignOffState to;
    private final boolean needsReason;

    SignOffAction(Set<SignOffState> from, SignOffState to, boolean needsReason) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
    }

    public boolean startsFrom(SignOffState state) {
        return from.contains(state);
    }

    public SignOffState leadsTo() {
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }

    /** Whether the user may take this step for the county. */
    public boolean allowedTo(CurrentUser user, String countyCode) {
        return switch (this) {
            case SUBMIT -> user.role() == Role.ADMIN || user.mayEdit(countyCode);
            case ACCEPT, RETURN -> user.role() == Role.ADMIN || user.role() == Role.ASSOCIATION;
            case REOPEN -> user.role() == Role.ADMIN;
        };
    }

    /** The action named in a URL ("submit", "accept", ...), or null. */
    public static SignOffAction parse(String name) {
        for (SignOffAction action : values()) {
            if (action.name().equalsIgnoreCase(name)) {
                return action;
            }
        }
        return null;
    }
}

package countylive.ledger;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a change may touch, as read before any lock: the campaign counties to lock besides those
 * of its sessions and households, and the existing sessions and households whose rollup rows it
 * may move. New records are reported to the {@link Tx} as they are made.
 */
record Touches(Set<Long> sessions, Set<Long> households, Set<Footprint.Scope> scopes) {

    static Touches none() {
        return new Touches(Set.of(), Set.of(), Set.of());
    }

    static Touches sessions(Set<Long> sessions, Footprint.Scope... more) {
        return new Touches(sessions, Set.of(), new TreeSet<>(Set.of(more)));
    }

    static Touches households(Set<Long> households, Set<Footprint.Scope> more) {
        return new Touches(Set.of(), households, more);
    }

    static Touches scopes(Set<Footprint.Scope> scopes) {
        return new Touches(Set.of(), Set.of(), scopes);
    }
}

package countylive.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rollup rows that a set of sessions feeds: their session_sales rows, and per campaign county
 * their days, hosts, officials and products. The ledger notes it before a change, so that rows a
 * session leaves (an old day, a removed host) are recomputed as well as the rows it feeds after.
 */
final class Footprint {

    /** One county's part in one campaign: the unit the ledger locks, and every rollup key but session_sales' lies inside one. */
    record Scope(long campaignId, String countyCode) implements Comparable<Scope> {
        private static final Comparator<Scope> ORDER =
                Comparator.comparingLong(Scope::campaignId).thenComparing(Scope::countyCode);

        @Override
        public int compareTo(Scope other) {
            return ORDER.compare(this, other);
        }
    }

    final Set<Long> sessions = new LinkedHashSet<>();
    final Map<Scope, Set<LocalDate>> days = new TreeMap<>();
    final Map<Scope, Set<Long>> hosts = new TreeMap<>();
    final Map<Scope, Set<Long>> officials = new TreeMap<>();
    final Map<Scope, Set<Long>> products = new TreeMap<>();

    /** This footprint and the other's keys together. */
    Footprint plus(Footprint other) {
        Footprint both = new Footprint();
        for (Footprint part : new Footprint[] {this, other}) {
            both.sessions.addAll(part.sessions);
            merge(part.days, both.days);
            merge(part.hosts, both.hosts);
            merge(part.officials, both.officials);
            merge(part.products, both.products);
        }
        return both;
    }

    static <K> void add(Map<Scope, Set<K>> keys, long campaignId, String countyCode, K key) {
        keys.computeIfAbsent(new Scope(campaignId, countyCode), s -> new TreeSet<>()).add(key);
    }

    private static <K> void merge(Map<Scope, Set<K>> from, Map<Scope, Set<K>> into) {
        from.forEach((scope, keys) -> into.computeIfAbsent(scope, s -> new TreeSet<>()).addAll(keys));
    }
}

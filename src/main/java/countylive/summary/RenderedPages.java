package countylive.summary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The summaries' rendered bodies, per app node, bounded by their total length: least recently
 * used first out. A key names everything a body depends on (docs/architecture.md, "Caches"): the
 * page, its versions in the database, the filter, the language and the viewer's role and counties.
 * A body never holds a viewer's own token or name: those are put in when the page is served.
 *
 * <p>Keys carry the versions, so an entry is never invalidated, only left unused until it falls
 * out; several nodes each keep their own and are each right, since the versions are read from the
 * shared database on every request.
 */
@Singleton
class RenderedPages {

    private final long maxChars;
    private final LinkedHashMap<String, String> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    /** countylive.summary.cache{outcome}: kept bodies served, and bodies rendered afresh. */
    private final Counter hits;
    private final Counter misses;

    /** @param maxChars the most characters kept in all (2 bytes each at worst): 2,000,000 is 4 MB of heap */
    RenderedPages(@Value("${countylive.summary.cache-chars:2000000}") long maxChars, MeterRegistry registry) {
        this.maxChars = maxChars;
        this.hits = registry.counter("countylive.summary.cache", "outcome", "hit");
        this.misses = registry.counter("countylive.summary.cache", "outcome", "miss");
        // what the node keeps, for sizing countylive.summary.cache-chars
        registry.gauge("countylive.summary.cache.chars", this, RenderedPages::chars);
    }

    /** A kept body, counted as a hit or a miss. */
    Optional<String> get(String key) {
        String body;
        synchronized (this) {
            body = pages.get(key);
        }
        (body == null ? misses : hits).increment();
        return Optional.ofNullable(body);
    }

    private synchronized double chars() {
        return chars;
    }

    /** Keeps a body unless it alone would take more than a quarter of the room. */
    synchronized void put(String key, String body) {
        if (body.length() > maxChars / 4) {
            return;
        }
        String old = pages.put(key, body);
        chars += body.length() - (old == null ? 0 : old.length());
        var eldest = pages.entrySet().iterator();
        while (chars > maxChars && eldest.hasNext()) {
            Map.Entry<String, String> entry = eldest.next();
            chars -= entry.getValue().length();
            eldest.remove();
        }
    }

    synchronized int size() {
        return pages.size();
    }
}

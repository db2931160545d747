package countylive.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Forms sent back to the user with their problems shown (422, or 409 when the record changed
 * meanwhile): {@code countylive.refusals{reason}}, the reason being the first problem's message
 * key. A rising count of one reason points at a rule users do not understand, or a form that
 * invites the mistake.
 */
@Singleton
public class Refusals {

    private final MeterRegistry registry;

    Refusals(MeterRegistry registry) {
        this.registry = registry;
    }

    public void counted(String reason) {
        registry.counter("countylive.refusals", "reason", reason).increment();
    }
}

package countylive.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Attempts to log in, by outcome: {@code countylive.logins{outcome}}. Many failures or throttled
 * attempts mean someone is guessing passwords, or many users forgot theirs.
 */
@Singleton
public class LoginAttempts {

    /** What became of an attempt. */
    public enum Outcome {
        /** logged in */
        SUCCEEDED,
        /** wrong user name or password, or a disabled account */
        FAILED,
        /** refused without checking the password: too many failures for the account or the address */
        THROTTLED,
        /** the login form was too old or came from elsewhere */
        EXPIRED
    }

    private final MeterRegistry registry;

    LoginAttempts(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            // every outcome is published from the start at 0, so that a rate can be computed at once
            counter(outcome);
        }
    }

    public void counted(Outcome outcome) {
        counter(outcome).increment();
    }

    private io.micrometer.core.instrument.Counter counter(Outcome outcome) {
        return registry.counter("countylive.logins", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    }
}

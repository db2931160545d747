package countylive.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Slows down guessing: after a few failed logins for an account or from an address, each
 * further try must wait, twice as long after every failure, up to a ceiling. Kept in the
 * database so that every app node sees the same count.
 */
@Singleton
class LoginThrottle {

    /** Failures older than this are forgotten. */
    private static final Duration MEMORY = Duration.ofHours(1);

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Failures extends GenericRepository<AppUser, Long> {

        @io.micronaut.core.annotation.Introspected
        record Entry(int failures, LocalDateTime lastFailureAt) {
        }

        @Query(value = "SELECT failures, last_failure_at FROM login_throttle WHERE subject = :subject", readOnly = true)
        Optional<Entry> find(String subject);

        // failures is assigned before last_failure_at, so it still sees the previous time
        @Query("""
                INSERT INTO login_throttle (subject, failures, last_failure_at) VALUES (:subject, 1, :now)
                ON DUPLICATE KEY UPDATE
                  failures = IF(last_failure_at < :forgetBefore, 1, failures + 1),
                  last_failure_at = :now""")
        void add(String subject, LocalDateTime now, LocalDateTime forgetBefore);

        @Query("DELETE FROM login_throttle WHERE subject = :subject")
        void clear(String subject);
    }

    private final Failures failures;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;

    LoginThrottle(Failures failures, Clock clock,
                  @Value("${countylive.login.free-failures}") int freeFailures,
                  @Value("${countylive.login.first-delay}") Duration firstDelay,
                  @Value("${countylive.login.max-delay}") Duration maxDelay) {
        this.failures = failures;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** How long the caller must still wait before trying again (zero when not throttled). */
    Duration waitFor(String username, String address) {
        Duration account = waitFor(accountKey(username));
        Duration origin = waitFor(addressKey(address));
        return account.compareTo(origin) >= 0 ? account : origin;
    }

    void recordFailure(String username, String address) {
        LocalDateTime now = LocalDateTime.now(clock);
        failures.add(accountKey(username), now, now.minus(MEMORY));
        failures.add(addressKey(address), now, now.minus(MEMORY));
    }

    /** A good login clears the account's count; the address keeps its own. */
    void recordSuccess(String username) {
        failures.clear(accountKey(username));
    }

    private Duration waitFor(String subject) {
        LocalDateTime now = LocalDateTime.now(clock);
        return failures.find(subject)
                .filter(entry -> entry.lastFailureAt().plus(MEMORY).isAfter(now))
                .filter(entry -> entry.failures() >= freeFailures)
                .map(entry -> {
                    Duration delay = delayAfter(entry.failures());
                    Duration remaining = Duration.between(now, entry.lastFailureAt().plus(delay));
                    return remaining.isNegative() ? Duration.ZERO : remaining;
                })
                .orElse(Duration.ZERO);
    }

    Duration delayAfter(int failureCount) {
        int doublings = Math.min(failureCount - freeFailures, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String accountKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase();
        return "user:" + (name.length() > 100 ? name.substring(0, 100) : name);
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "" : address);
    }
}

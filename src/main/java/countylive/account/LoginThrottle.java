package countylive.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Slows down guessing: after a few failed logins for an account or from an address, each
 * further try must wait, twice as long after every failure, up to a ceiling. Kept in the
 * database so that every app node sees the same count.
 *
 * <p>An attempt is admitted and counted as a failure in one short transaction that holds the
 * account's and the address's rows locked, before the password is checked; a good password then
 * takes the count back. So attempts sent at once queue on those rows and every one of them is
 * counted: a burst of guesses cannot all pass the check before any of them is recorded.
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

        /**
         * Locks the subject's row until the transaction ends, making it (with no failures) if
         * missing. An upsert, not INSERT IGNORE and then SELECT … FOR UPDATE: that pair takes a
         * shared lock first, and two attempts holding it would deadlock wanting the exclusive one.
         */
        @Query("""
                INSERT INTO login_throttle (subject, failures, last_failure_at) VALUES (:subject, 0, :longAgo)
                ON DUPLICATE KEY UPDATE subject = subject""")
        void lock(String subject, LocalDateTime longAgo);

        @Query("SELECT failures, last_failure_at FROM login_throttle WHERE subject = :subject")
        Entry read(String subject);

        /** Takes back one counted failure: the attempt it counted turned out to be good. */
        @Query("UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE subject = :subject")
        void forgive(String subject);

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

    /**
     * Admits an attempt to prove a password: returns how long the caller must still wait, or zero
     * after counting the attempt as a failure of the account and of the address (taken back by
     * {@link #succeeded} when the password is right). Call it before checking the password.
     */
    @Transactional
    Duration admit(String username, String address) {
        LocalDateTime now = LocalDateTime.now(clock);
        Duration wait = Duration.ZERO;
        // both rows locked, always in the same order, until this transaction ends
        List<String> subjects = new ArrayList<>(new TreeSet<>(List.of(accountKey(username), addressKey(address))));
        for (String subject : subjects) {
            failures.lock(subject, now.minus(MEMORY).minusDays(1));
            Duration remaining = waitAfter(failures.read(subject), now);
            wait = remaining.compareTo(wait) > 0 ? remaining : wait;
        }
        if (wait.isZero()) {
            subjects.forEach(subject -> failures.add(subject, now, now.minus(MEMORY)));
        }
        return wait;
    }

    /** A good password: the account's count is cleared, the address's takes back this attempt. */
    @Transactional
    void succeeded(String username, String address) {
        failures.clear(accountKey(username));
        failures.forgive(addressKey(address));
    }

    /** How long a subject with these failures must still wait (zero when it need not). */
    private Duration waitAfter(Failures.Entry entry, LocalDateTime now) {
        if (!entry.lastFailureAt().plus(MEMORY).isAfter(now) || entry.failures() < freeFailures) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(now, entry.lastFailureAt().plus(delayAfter(entry.failures())));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    Duration delayAfter(int failureCount) {
        int doublings = Math.min(failureCount - freeFailures, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    static String accountKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase();
        return "user:" + (name.length() > 100 ? name.substring(0, 100) : name);
    }

    static String addressKey(String address) {
        return "addr:" + (address == null ? "" : address);
    }
}

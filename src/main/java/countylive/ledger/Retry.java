package countylive.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a whole transaction again when the database rolled it back to resolve a lock conflict: a
 * deadlock, a lock wait timeout, or on a Galera cluster a certification failure (which the server
 * reports as a deadlock); or when the change found its records moved out of the counties it had
 * locked ({@link LockMissed}). The transaction is retried from its start, never half-way, after a
 * short random pause so that the two writers that collided do not collide again.
 */
final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
    static final int ATTEMPTS = 4;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;

    private Retry() {
    }

    /** Told of every lock conflict: its cause ({@link #causeOf}) and whether the transaction runs again. */
    @FunctionalInterface
    interface Conflicts {
        void seen(String cause, boolean retried);
    }

    static <R> R onConflict(String what, Supplier<R> transaction) {
        return onConflict(what, transaction, (cause, retried) -> {
        });
    }

    static <R> R onConflict(String what, Supplier<R> transaction, Conflicts conflicts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                String conflict = conflictIn(e);
                if (conflict == null) {
                    throw e;
                }
                String cause = causeOf(e);
                if (attempt == ATTEMPTS) {
                    conflicts.seen(cause, false);
                    LOG.warn("{}: rolled back by a lock conflict ({}) {} times, given up: {}", what, cause, ATTEMPTS,
                            conflict);
                    throw e;
                }
                conflicts.seen(cause, true);
                LOG.info("{}: rolled back by a lock conflict ({}), retrying ({} of {}): {}", what, cause, attempt + 1,
                        ATTEMPTS, conflict);
                pause(attempt);
            }
        }
    }

    /**
     * The kind of lock conflict among the causes, for counting: deadlock, lock_wait_timeout,
     * serialization_failure (how a Galera cluster reports a certification conflict, among others)
     * or lock_missed; "other" when there is none.
     */
    static String causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getErrorCode() == ER_LOCK_DEADLOCK) {
                    return "deadlock";
                }
                if (sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                    return "lock_wait_timeout";
                }
                if ("40001".equals(sql.getSQLState())) {
                    return "serialization_failure";
                }
            }
            if (cause instanceof LockMissed) {
                return "lock_missed";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "other";
    }

    /** What the lock conflict among the causes was, or null for any other failure. */
    static String conflictIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ER_LOCK_DEADLOCK
                    || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()))) {
                return sql.getMessage();
            }
            if (cause instanceof LockMissed missed) {
                return missed.getMessage();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

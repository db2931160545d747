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

    static <R> R onConflict(String what, Supplier<R> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                String conflict = conflictIn(e);
                if (conflict == null || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.info("{}: rolled back by a lock conflict, retrying ({} of {}): {}", what, attempt + 1, ATTEMPTS,
                        conflict);
                pause(attempt);
            }
        }
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

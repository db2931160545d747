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
 * locked ({@link LockMissed}); on MySQL Group Replication (InnoDB Cluster) a certification failure
 * is its own error, 3101, and on TiDB under optimistic transactions a write conflict is 9007.
 * The transaction is retried from its start, never half-way, after a random pause that grows with
 * each attempt ("full jitter"), so that the writers that collided do not collide again in step.
 *
 * <p>Not retried: a Galera node outside the cluster's primary component answers 1047 ("WSREP has
 * not yet prepared node for application use", SQL state 08S01) to every statement, and stays so
 * for seconds or for good; that is the database being unavailable for this app node (the 503
 * page, {@code countylive.web.UnexpectedErrorHandler}), not a conflict that another attempt solves.
 */
final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
    /**
     * Two coordinators saving one county through two Galera nodes as fast as they could (no pause
     * between saves) made one save lose certification six times in a row in GaleraClusterTest,
     * among 1,345: the other writer kept committing first. Eight attempts, with pauses up to a
     * second, give the loser room to find a gap (at most about 4 s of pauses in all).
     */
    static final int ATTEMPTS = 8;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;
    /** MySQL Group Replication: "Plugin instructed the server to rollback the current transaction". */
    private static final int ER_TRANSACTION_ROLLBACK_DURING_COMMIT = 3101;
    /** TiDB under optimistic transactions: "Write conflict, … [try again later]", found at commit. */
    private static final int TIDB_WRITE_CONFLICT = 9007;
    /** The longest pause between two attempts. */
    private static final long MAX_PAUSE_MS = 1_000;

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
     * The kind of lock conflict among the causes, for counting: deadlock (also how a Galera node
     * reports a certification conflict: error 1213, the same message), lock_wait_timeout,
     * certification_failure (MySQL Group Replication's 3101), write_conflict (TiDB's optimistic
     * transactions, 9007), serialization_failure (SQL state
     * 40001 otherwise) or lock_missed; "other" when there is none.
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
                if (sql.getErrorCode() == ER_TRANSACTION_ROLLBACK_DURING_COMMIT) {
                    return "certification_failure";
                }
                if (sql.getErrorCode() == TIDB_WRITE_CONFLICT) {
                    return "write_conflict";
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
                    || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT || sql.getErrorCode() == ER_TRANSACTION_ROLLBACK_DURING_COMMIT
                    || sql.getErrorCode() == TIDB_WRITE_CONFLICT || "40001".equals(sql.getSQLState()))) {
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

    /** Up to 50 ms after the first attempt, 100 after the second, … at most {@link #MAX_PAUSE_MS}. */
    static long pauseMs(int attempt) {
        long ceiling = Math.min(MAX_PAUSE_MS, 25L << Math.min(attempt, 10));
        return ThreadLocalRandom.current().nextLong(5, ceiling + 1);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(pauseMs(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

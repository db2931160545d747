package countylive.integrity;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Runs the checks, one after another, each in a read-only transaction of its own, and keeps each
 * one's result ({@link CheckResults}). A check that fails (a timeout, a server gone) is kept as
 * failed and the others still run; the log has why.
 */
@Singleton
public class IntegrityChecks {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityChecks.class);
    /** Offending records listed per check; the count covers them all. */
    static final int SHOWN = 50;

    /** In the order the page lists them: the figures first. */
    static final List<IntegrityCheck> ALL = List.of(
            new RollupDriftCheck(),
            HouseholdChecks.LINKED_OUTSIDE_COUNTY,
            SessionChecks.WITHOUT_SALES,
            FigureChecks.PRICE_FAR_FROM_REFERENCE,
            FigureChecks.ORDERS_ABOVE_UNITS,
            FigureChecks.OUTSIZED_SESSION,
            HouseholdChecks.LOOKALIKE_REGISTRATIONS,
            AccountChecks.COUNTIES_WITHOUT_COORDINATOR,
            SessionChecks.WITHOUT_AUDIENCE,
            AccountChecks.DORMANT_ACCOUNTS);

    private final TransactionOperations<Connection> transactions;
    private final CheckResults results;
    private final Clock clock;

    IntegrityChecks(TransactionOperations<Connection> transactions, CheckResults results, Clock clock) {
        this.transactions = transactions;
        this.results = results;
        this.clock = clock;
    }

    /** Runs every check and keeps its result; {@code by} is the administrator's name or "scheduled". */
    public void runAll(String by) {
        long started = System.nanoTime();
        long problems = 0;
        for (IntegrityCheck check : ALL) {
            LocalDateTime ranAt = LocalDateTime.now(clock);
            long checkStarted = System.nanoTime();
            Found found;
            try {
                found = transactions.executeRead(status -> check.find(status.getConnection(), SHOWN));
            } catch (RuntimeException e) {
                LOG.warn("Integrity check {} could not run", check.code(), e);
                keep(check, new Found(0, List.of()), true, ranAt, by, (System.nanoTime() - checkStarted) / 1_000_000);
                continue;
            }
            long took = (System.nanoTime() - checkStarted) / 1_000_000;
            keep(check, found, false, ranAt, by, took);
            problems += found.count();
            if (found.count() > 0) {
                LOG.info("Integrity check {} ({}) found {} in {} ms", check.code(), check.severity(), found.count(), took);
            }
        }
        LOG.info("Integrity checks run by {}: {} findings in {} ms", by, problems, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Keeps a check's result. Every app node runs the nightly checks at the same minute; on a Galera
     * cluster two nodes writing the same check's row at once conflict, and the database rolls one
     * write back. That node's result is then simply not kept: the other node's, just as fresh,
     * stands, and the check is not shown as failed for it.
     */
    private void keep(IntegrityCheck check, Found found, boolean failed, LocalDateTime ranAt, String by, long tookMs) {
        try {
            results.keep(check.code(), found, failed, ranAt, by, tookMs);
        } catch (RuntimeException e) {
            if (!lockConflict(e)) {
                throw e;
            }
            LOG.info("Integrity check {}: another run kept its result at the same moment ({}); that one stands",
                    check.code(), e.getMessage());
        }
    }

    /** A deadlock, lock wait timeout or (on a cluster) certification conflict among the causes. */
    static boolean lockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}

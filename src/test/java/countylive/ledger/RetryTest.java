package countylive.ledger;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A transaction the database rolled back to resolve a lock conflict runs again as a whole. */
class RetryTest {

    private static RuntimeException deadlock() {
        return new DataAccessException("write failed", new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeadlockedTransactionIsRunAgainUntilItCommits() {
        Supplier<String> transaction = mock(Supplier.class);
        when(transaction.get()).thenThrow(deadlock()).thenThrow(deadlock()).thenReturn("committed");
        assertEquals("committed", Retry.onConflict("a test", transaction));
        verify(transaction, times(3)).get();
    }

    @Test
    void aLockWaitTimeoutAGaleraCertificationFailureAndMovedRecordsAreConflictsToo() {
        assertEquals("Lock wait timeout exceeded", Retry.conflictIn(new RuntimeException(
                new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        // as a MariaDB Galera node reports a transaction that lost certification
        assertEquals("WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                Retry.conflictIn(new DataAccessException("commit failed", new SQLTransactionRollbackException(
                        "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                        "40001", 1213))));
        assertEquals("moved", Retry.conflictIn(new LockMissed("moved")));
        // as a MySQL Group Replication member reports a transaction that lost certification
        SQLException groupReplication = new SQLTransactionRollbackException(
                "Plugin instructed the server to rollback the current transaction.", "40000", 3101);
        assertEquals(groupReplication.getMessage(), Retry.conflictIn(new RuntimeException(groupReplication)));
        assertEquals("certification_failure", Retry.causeOf(new RuntimeException(groupReplication)));
        // as TiDB reports a write conflict found at the commit of an optimistic transaction
        SQLException tidb = new SQLException("Write conflict, txnStartTS=1, conflictStartTS=2, conflictCommitTS=3,"
                + " key=… [try again later]", "HY000", 9007);
        assertEquals(tidb.getMessage(), Retry.conflictIn(new RuntimeException(tidb)));
        assertEquals("write_conflict", Retry.causeOf(tidb));
        // a Galera node outside the primary component: unavailable, not a conflict
        assertNull(Retry.conflictIn(new RuntimeException(new SQLException(
                "WSREP has not yet prepared node for application use", "08S01", 1047))));
        assertNull(Retry.conflictIn(new DataAccessException("duplicate",
                new SQLException("Duplicate entry", "23000", 1062))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyOtherFailureIsNotRetried() {
        Supplier<String> transaction = mock(Supplier.class);
        RuntimeException refused = new IllegalStateException("a rule refused it");
        when(transaction.get()).thenThrow(refused);
        assertSame(refused, assertThrows(IllegalStateException.class, () -> Retry.onConflict("a test", transaction)));
        verify(transaction, times(1)).get();
    }

    @Test
    void thePausesGrowWithEachAttemptUpToASecond() {
        for (int i = 0; i < 1000; i++) {
            long first = Retry.pauseMs(1);
            long fifth = Retry.pauseMs(5);
            long tenth = Retry.pauseMs(10);
            assertTrue(first >= 5 && first <= 50, "first pause " + first);
            assertTrue(fifth >= 5 && fifth <= 800, "fifth pause " + fifth);
            assertTrue(tenth >= 5 && tenth <= 1000, "tenth pause " + tenth);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void itGivesUpAfterAFewAttempts() {
        Supplier<String> transaction = mock(Supplier.class);
        when(transaction.get()).thenThrow(deadlock());
        assertThrows(DataAccessException.class, () -> Retry.onConflict("a test", transaction));
        verify(transaction, times(Retry.ATTEMPTS)).get();
    }
}

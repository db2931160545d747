package countylive.ledger;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    @SuppressWarnings("unchecked")
    void aLockWaitTimeoutAndAGaleraCertificationFailureAreConflictsToo() {
        assertSame(SQLException.class, Retry.conflictIn(new RuntimeException(
                new SQLException("Lock wait timeout exceeded", "HY000", 1205))).getClass());
        // Galera reports a certification failure as a deadlock (ER_LOCK_DEADLOCK, SQLSTATE 40001)
        assertEquals(1213, Retry.conflictIn(deadlock()).getErrorCode());
        assertEquals(null, Retry.conflictIn(new DataAccessException("duplicate",
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
    @SuppressWarnings("unchecked")
    void itGivesUpAfterAFewAttempts() {
        Supplier<String> transaction = mock(Supplier.class);
        when(transaction.get()).thenThrow(deadlock());
        assertThrows(DataAccessException.class, () -> Retry.onConflict("a test", transaction));
        verify(transaction, times(Retry.ATTEMPTS)).get();
    }
}

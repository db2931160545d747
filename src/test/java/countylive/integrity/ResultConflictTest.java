package countylive.integrity;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes keeping one check's result at the same moment on a Galera cluster: the write the
 * cluster rolled back is recognised as such, and dropped rather than shown as a failed check.
 */
class ResultConflictTest {

    @Test
    void aCertificationConflictOrDeadlockIsAConflictAnythingElseIsNot() {
        assertTrue(IntegrityChecks.lockConflict(new RuntimeException("keep failed", new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213))));
        assertTrue(IntegrityChecks.lockConflict(new RuntimeException(new SQLException("Lock wait timeout exceeded",
                "HY000", 1205))));
        assertFalse(IntegrityChecks.lockConflict(new RuntimeException(new SQLException("Data too long", "22001", 1406))));
        assertFalse(IntegrityChecks.lockConflict(new IllegalStateException("no cause")));
    }
}

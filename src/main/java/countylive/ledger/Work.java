package countylive.ledger;

import java.sql.SQLException;

/**
 * One kind of change, as the ledger runs it: first what it touches (read without locks, so that
 * the ledger can lock those campaign counties in order before anything is read for the change),
 * then the change itself, under the locks: its rules, its rows and their audit entries.
 * The ledger does everything around it (submission token, locks, rollups, retries), so no change
 * can forget a step.
 */
interface Work<R> {

    Touches touches(Tx tx) throws SQLException;

    R apply(Tx tx) throws SQLException;

    /**
     * Whether the change leaves every figure as it was (a rollup repair, a sign-off step): the
     * sign-off's hold on accepted and submitted data does not apply to it.
     */
    default boolean keepsFigures() {
        return false;
    }

    /** A step of a change, on its transaction. */
    @FunctionalInterface
    interface Step<T> {
        T run(Tx tx) throws SQLException;
    }

    static <R> Work<R> of(Step<Touches> touches, Step<R> change) {
        return of(touches, change, false);
    }

    /** A change that leaves every figure as it was. */
    static <R> Work<R> keepingFigures(Step<Touches> touches, Step<R> change) {
        return of(touches, change, true);
    }

    private static <R> Work<R> of(Step<Touches> touches, Step<R> change, boolean keepsFigures) {
        return new Work<>() {
            @Override
            public boolean keepsFigures() {
                return keepsFigures;
            }

            @Override
            public Touches touches(Tx tx) throws SQLException {
                return touches.run(tx);
            }

            @Override
            public R apply(Tx tx) throws SQLException {
                return change.run(tx);
            }
        };
    }
}

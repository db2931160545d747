package countylive.ledger;

import java.util.List;

/**
 * What an import did: the lines it created, those whose figures it changed (from → to), those it
 * found unchanged, and the sessions whose lines it created or changed, in file order.
 */
public record ImportOutcome(int created, List<Changed> changed, int unchanged, List<Long> sessionsWritten) {

    /** A line whose figures the import changed. */
    public record Changed(long sessionId, long productId, LineFigures before, LineFigures after) {
    }
}

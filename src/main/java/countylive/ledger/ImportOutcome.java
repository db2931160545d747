package countylive.ledger;

import java.util.List;

/** What an import did: the lines it created, those whose figures it changed (from → to), those it found unchanged. */
public record ImportOutcome(int created, List<Changed> changed, int unchanged) {

    /** A line whose figures the import changed. */
    public record Changed(long sessionId, long productId, LineFigures before, LineFigures after) {
    }
}

package countylive.e2e;

import countylive.support.Fixtures;

/** Where a journey writes sale lines straight into the database, the summaries must see them. */
final class SummaryRefresh {

    private SummaryRefresh() {
    }

    static void afterDirectInserts(Fixtures fixtures, long campaign) {
        // the summaries read sale_line directly: nothing to refresh
    }
}

package countylive.integrity;

import countylive.ledger.RollupDrift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Every rollup row of the campaigns changed in the last day equals a recomputation from the
 * entries (sessions, sale lines, links). It must find nothing: the summaries read these rows, so
 * any difference is a wrong figure on a page. Each finding offers the campaign's recompute.
 */
final class RollupDriftCheck implements IntegrityCheck {

    @Override
    public String code() {
        return "rollupDrift";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public Found find(Connection connection, int shown) throws SQLException {
        RollupDrift.Found drift = RollupDrift.of(connection, RollupDrift.changedCampaigns(connection), shown);
        List<Finding> first = drift.first().stream().map(row -> new Finding(
                "integrity.rollupDrift." + row.problem().name().toLowerCase(java.util.Locale.ROOT),
                "/campaigns/" + row.campaignId() + "/summary",
                List.of(row.rollup(), String.valueOf(row.campaignId()), row.key()),
                "/campaigns/" + row.campaignId() + "/summary/rebuild")).toList();
        return new Found(drift.count(), first);
    }
}

package countylive.summary;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * What a summary page depends on, as one value that changes with every committed change of it:
 * the campaign's revision (every ledger write to one of its counties, the sign-off steps and every
 * change of the campaign itself raise a county's revision; a county that leaves keeps its part in
 * {@code retired_revision}, see Campaigns.revision) and the 'master' data version (raised with
 * every audited change of a campaign, partner, county, host, official or product, whose names and
 * fields the page shows without any county's revision moving).
 *
 * <p>Both rise and never repeat, on every app node alike, since they live in the database. A
 * page read after this value and cached under it is therefore never older than the value says:
 * read the version first, then the figures.
 */
@Singleton
class SummaryVersions {

    private final Sql sql;

    SummaryVersions(Sql sql) {
        this.sql = sql;
    }

    /** The campaign's version ("revision.master"), empty for an unknown campaign. */
    Optional<String> campaign(long campaignId) {
        return sql.list("SELECT c.retired_revision + COALESCE((SELECT SUM(cc.revision) FROM campaign_county cc"
                        + " WHERE cc.campaign_id = c.id), 0) AS revision,"
                        + " (SELECT v.version FROM data_version v WHERE v.name = 'master') AS master"
                        + " FROM campaign c WHERE c.id = ?", List.of(campaignId),
                row -> row.getLong("revision") + "." + row.getLong("master")).stream().findFirst();
    }

    /**
     * The version of every campaign at once, for the overview: the sum of all revisions rises with
     * every ledger write anywhere (revisions only rise; a county leaving a campaign keeps its part in
     * its campaign's retired_revision), and a campaign created or deleted raises the master version.
     */
    String national() {
        return sql.one("SELECT (SELECT COALESCE(SUM(c.retired_revision), 0) FROM campaign c)"
                        + " + (SELECT COALESCE(SUM(cc.revision), 0) FROM campaign_county cc) AS revision,"
                        + " (SELECT COUNT(*) FROM campaign) AS campaigns,"
                        + " (SELECT v.version FROM data_version v WHERE v.name = 'master') AS master", List.of(),
                row -> row.getLong("revision") + "." + row.getLong("campaigns") + "." + row.getLong("master"));
    }
}

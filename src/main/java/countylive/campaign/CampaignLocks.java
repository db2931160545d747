package countylive.campaign;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The locks that keep a campaign's figures exact: one per campaign county, taken by an UPDATE of
 * its campaign_county row that also raises the county's revision. Every change to a county's
 * data in a campaign (the ledger) takes the locks of the counties it touches, one statement each
 * in (campaign, county) order; every change of the campaign itself takes all of them first. So two
 * writers never wait on each other in a circle, a campaign cannot close while a county's change is
 * under way, and the revision rises with every committed change. Unlike {@code SELECT … FOR
 * UPDATE}, an UPDATE is replicated: on a Galera cluster, two nodes writing one county conflict
 * at commit instead of both committing (docs/operations.md).
 */
@Singleton
public class CampaignLocks {

    private final CampaignRepository campaigns;

    CampaignLocks(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Locks the county's part in the campaign until the caller's transaction ends.
     *
     * @return false when the county does not take part in the campaign (nothing is locked)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean lock(long campaignId, String countyCode) {
        return campaigns.lockCounty(campaignId, countyCode) == 1;
    }

    /** Locks every county of the campaign until the caller's transaction ends. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lockAll(long campaignId) {
        campaigns.lockCounties(campaignId);
    }
}

package countylive.excel;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.campaign.CampaignInfo;
import countylive.campaign.Campaigns;
import countylive.web.RecordNotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.TreeSet;

/** Which campaign and which of its counties a user may download. */
@Singleton
class ExportScope {

    /** A campaign as a download needs it: its name, and the counties whose rows the user gets (null: all). */
    record CampaignScope(long id, String name, @Nullable Set<String> counties) {
    }

    private final Campaigns campaigns;

    ExportScope(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** @throws RecordNotFoundException when the campaign does not exist or is none of a coordinator's */
    CampaignScope of(CurrentUser user, long campaignId) {
        CampaignInfo campaign = campaigns.find(campaignId)
                .filter(found -> campaigns.visibleTo(user, campaignId))
                .orElseThrow(() -> new RecordNotFoundException("campaign", campaignId));
        if (user.role() != Role.COORDINATOR) {
            return new CampaignScope(campaignId, campaign.name(), null);
        }
        Set<String> mine = new TreeSet<>(campaigns.countyCodes(campaignId));
        mine.retainAll(user.countyCodes());
        return new CampaignScope(campaignId, campaign.name(), mine);
    }
}

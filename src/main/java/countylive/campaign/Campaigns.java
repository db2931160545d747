package countylive.campaign;

import countylive.access.CurrentUser;
import countylive.access.Role;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Read-only campaign facts for other features (sessions, sales, households, summaries). */
@Singleton
public class Campaigns {

    private final CampaignRepository campaigns;

    Campaigns(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public Optional<CampaignInfo> find(long id) {
        return campaigns.findById(id).map(CampaignInfo::of);
    }

    /** Whether the county is one of the campaign's participating counties. */
    public boolean takesPart(long campaignId, String countyCode) {
        return countyCode != null && campaigns.countCountiesAmong(campaignId, List.of(countyCode)) > 0;
    }

    /** The participating counties' codes, in code order. */
    public List<String> countyCodes(long campaignId) {
        return campaigns.countyCodes(campaignId);
    }

    /**
     * The campaign's revision: it rises with every committed change of the campaign or of its data
     * (sessions, sale lines, households' links), on any app node, and never repeats; empty for an
     * unknown campaign. A summary computed at one revision stays right until the revision moves.
     */
    public Optional<Long> revision(long campaignId) {
        return campaigns.revision(campaignId);
    }

    /** Whether the user may see the campaign: coordinators only where one of their counties takes part. */
    public boolean visibleTo(CurrentUser user, long campaignId) {
        if (user.role() != Role.COORDINATOR) {
            return true;
        }
        return !user.countyCodes().isEmpty() && campaigns.countCountiesAmong(campaignId, user.countyCodes()) > 0;
    }

    /** The campaigns the user may see, newest first. */
    public List<CampaignInfo> visibleTo(CurrentUser user) {
        if (user.role() != Role.COORDINATOR) {
            return campaigns.listOrderByStartsOnDesc().stream().map(CampaignInfo::of).toList();
        }
        if (user.countyCodes().isEmpty()) {
            return List.of();
        }
        return campaigns.listInCounties(user.countyCodes()).stream().map(CampaignInfo::of).toList();
    }
}

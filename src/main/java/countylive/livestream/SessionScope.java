package countylive.livestream;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.web.RecordNotFoundException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/**
 * Which campaigns, counties and sessions a user may reach. What lies outside a coordinator's
 * counties is answered as if it did not exist (404), for reading and for writing.
 */
@Singleton
class SessionScope {

    private final LiveSessionRepository sessions;
    private final EntryLookups lookups;

    SessionScope(LiveSessionRepository sessions, EntryLookups lookups) {
        this.sessions = sessions;
        this.lookups = lookups;
    }

    /** The campaign, if it exists and (for a coordinator) one of their counties takes part in it. */
    EntryLookups.CampaignRow campaign(CurrentUser user, long campaignId) {
        EntryLookups.CampaignRow campaign = lookups.campaign(campaignId)
                .orElseThrow(() -> new RecordNotFoundException("campaign", campaignId));
        if (user.role() == Role.COORDINATOR && readableCounties(user, campaignId).isEmpty()) {
            throw new RecordNotFoundException("campaign", campaignId);
        }
        return campaign;
    }

    List<EntryLookups.CountyRow> readableCounties(CurrentUser user, long campaignId) {
        return lookups.countiesOf(campaignId).stream().filter(c -> user.mayRead(c.code())).toList();
    }

    List<EntryLookups.CountyRow> editableCounties(CurrentUser user, long campaignId) {
        return lookups.countiesOf(campaignId).stream().filter(c -> user.mayEdit(c.code())).toList();
    }

    LiveSession readable(CurrentUser user, long id) {
        return sessions.findById(id).filter(s -> user.mayRead(s.countyCode()))
                .orElseThrow(() -> new RecordNotFoundException("live_session", id));
    }

    LiveSession editable(CurrentUser user, long id) {
        return sessions.findById(id).filter(s -> user.mayEdit(s.countyCode()))
                .orElseThrow(() -> new RecordNotFoundException("live_session", id));
    }

    /** A list for SQL's IN: never empty (an impossible code stands for "none"). */
    static List<String> codes(Collection<String> codes) {
        return codes.isEmpty() ? List.of("-") : List.copyOf(codes);
    }
}

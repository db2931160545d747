package countylive.livestream;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.campaign.SignOffs;
import countylive.web.RecordNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which campaigns, counties and sessions a user may reach. What lies outside a coordinator's
 * counties is answered as if it did not exist (404), for reading and for writing.
 */
@Singleton
class SessionScope {

    /**
     * The counties of a campaign in which the user may enter sessions now, and why the others of
     * theirs are held back by the sign-off (in the user's language; null when none is).
     */
    record Entry(List<EntryLookups.CountyRow> open, List<EntryLookups.CountyRow> own, @Nullable String lockNotice) {
    }

    private final LiveSessionRepository sessions;
    private final EntryLookups lookups;
    private final SignOffs signOffs;

    SessionScope(LiveSessionRepository sessions, EntryLookups lookups, SignOffs signOffs) {
        this.sessions = sessions;
        this.lookups = lookups;
        this.signOffs = signOffs;
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

    /** Where the user may enter sessions of the campaign now, the sign-off considered. */
    Entry entry(HttpRequest<?> request, CurrentUser user, long campaignId) {
        List<EntryLookups.CountyRow> own = editableCounties(user, campaignId);
        Set<String> held = signOffs.heldBack(user, campaignId);
        List<EntryLookups.CountyRow> open = own.stream().filter(c -> !held.contains(c.code())).toList();
        String notice = own.stream().filter(c -> held.contains(c.code())).findFirst()
                .flatMap(c -> signOffs.lockNotice(request, user, campaignId, c.code())).orElse(null);
        return new Entry(open, own, notice);
    }

    /** Why the sign-off keeps the user from changing this session, or null when it does not. */
    @Nullable String lockNotice(HttpRequest<?> request, CurrentUser user, LiveSession session) {
        return signOffs.lockNotice(request, user, session.campaignId(), session.countyCode()).orElse(null);
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

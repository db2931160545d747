package countylive.livestream;

import countylive.access.CurrentUser;
import countylive.host.Platform;
import countylive.web.RecordNotFoundException;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;

/** What other features (the sales grid) may know of a session, scoped to the user's counties. */
@Singleton
public class SessionAccess {

    /** A session as seen from its sales grid. */
    public record SessionRef(long id, long campaignId, String campaignName, boolean campaignClosed,
                             String countyCode, String countyName, LocalDate liveDate, Platform platform,
                             int version) {
    }

    private final LiveSessionRepository sessions;
    private final EntryLookups lookups;

    SessionAccess(LiveSessionRepository sessions, EntryLookups lookups) {
        this.sessions = sessions;
        this.lookups = lookups;
    }

    /**
     * The session, if the user may read it.
     *
     * @throws RecordNotFoundException for an unknown id and for a session of a county the user does not have
     */
    public SessionRef readable(CurrentUser user, long id) {
        LiveSession session = sessions.findById(id)
                .filter(s -> user.mayRead(s.countyCode()))
                .orElseThrow(() -> new RecordNotFoundException("live_session", id));
        EntryLookups.CampaignRow campaign = lookups.campaign(session.campaignId()).orElseThrow();
        String countyName = EntryLookups.nameOf(lookups.counties(List.of(session.countyCode())), session.countyCode());
        return new SessionRef(id, campaign.id(), campaign.name(), campaign.closed(), session.countyCode(),
                countyName, session.liveDate(), session.platform(), session.version());
    }
}

package countylive.livestream;

import countylive.account.CurrentUser;
import countylive.web.RecordNotFoundException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;

/** What other features (the sales grid) may know of a session, scoped to the user's counties. */
@Singleton
public class SessionAccess {

    /** A session as seen from its sales grid. */
    public record SessionRef(long id, long campaignId, String campaignName, boolean campaignClosed,
                             String countyCode, String countyName, LocalDate liveDate, String platform,
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
                countyName, session.liveDate(), session.platform().name(), session.version());
    }

    /**
     * Inside the caller's transaction: takes the session's version for a change of its sales and
     * checks that its campaign is still open.
     *
     * @return false when the session was changed since {@code version} was read
     * @throws CampaignClosedException when the campaign is closed
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean claimForSales(SessionRef session, int version) {
        if (lookups.lockedStatus(session.campaignId()).map("CLOSED"::equals).orElse(true)) {
            throw new CampaignClosedException();
        }
        return sessions.bumpVersion(session.id(), version) == 1;
    }
}

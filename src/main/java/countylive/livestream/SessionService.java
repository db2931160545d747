package countylive.livestream;

import countylive.account.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.summary.Footprint;
import countylive.summary.SalesRollup;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Session changes, each one transaction with its audit entries (and the new host's, if any). */
@Singleton
class SessionService {

    static final String AUDIT_TYPE = "live_session";
    static final String HOST_AUDIT_TYPE = "host";

    private final LiveSessionRepository sessions;
    private final EntryLookups lookups;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final SalesRollup rollup;

    SessionService(LiveSessionRepository sessions, EntryLookups lookups, Submissions submissions, AuditTrail audit,
                   SalesRollup rollup) {
        this.sessions = sessions;
        this.lookups = lookups;
        this.submissions = submissions;
        this.audit = audit;
        this.rollup = rollup;
    }

    /**
     * @throws Submissions.AlreadySubmitted when the same form was submitted before
     * @throws CampaignClosedException      when the campaign was closed meanwhile
     */
    @Transactional
    LiveSession create(CurrentUser user, SessionForm.Entry entry, String submissionToken) {
        // first: waits for any other writer in this county (the rollups of its day are recomputed)
        rollup.before(List.of(), entry.session().campaignId(), List.of(entry.session().countyCode()));
        submissions.claim(submissionToken);
        requireOpen(entry.session().campaignId());
        Set<Long> hostIds = withNewHost(user, entry);
        LiveSession saved = sessions.save(entry.session());
        link(saved.id(), hostIds, entry.officialIds());
        rollup.created(List.of(saved.id()));
        submissions.complete(submissionToken, "/sessions/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), auditValues(saved, hostIds, entry.officialIds()));
        return saved;
    }

    /** @throws OptimisticLockException when someone else saved the session since the form was opened */
    @Transactional
    LiveSession update(CurrentUser user, SessionForm.Entry entry) {
        LiveSession changed = entry.session();
        // first: waits for other writers in the old and the new county, and notes what the rollups hold now
        Footprint fed = rollup.before(List.of(changed.id()), changed.campaignId(), List.of(changed.countyCode()));
        LiveSession before = sessions.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        requireOpen(before.campaignId());
        Map<String, Object> beforeValues = auditValues(before,
                new LinkedHashSet<>(sessions.hostIds(before.id())), new LinkedHashSet<>(sessions.officialIds(before.id())));
        Set<Long> hostIds = withNewHost(user, entry);
        LiveSession saved = sessions.update(changed.withStored(before));
        sessions.clearHosts(saved.id());
        sessions.clearOfficials(saved.id());
        link(saved.id(), hostIds, entry.officialIds());
        // its lines followed a move (ON UPDATE CASCADE); its day, hosts, officials and audience feed the rollups
        rollup.after(fed);
        audit.updated(user, AUDIT_TYPE, saved.id(), saved.countyCode(), beforeValues,
                auditValues(saved, hostIds, entry.officialIds()));
        return saved;
    }

    /** Deletes the session unless it has sale lines; returns how many it has (0 when deleted). */
    @Transactional
    long delete(CurrentUser user, long id) {
        Footprint fed = rollup.before(List.of(id));
        Optional<LiveSession> session = sessions.findById(id);
        if (session.isEmpty()) {
            return 0;
        }
        requireOpen(session.get().campaignId());
        long lines = sessions.countSaleLines(id);
        if (lines > 0) {
            return lines;
        }
        Map<String, Object> before = auditValues(session.get(),
                new LinkedHashSet<>(sessions.hostIds(id)), new LinkedHashSet<>(sessions.officialIds(id)));
        sessions.clearHosts(id);
        sessions.clearOfficials(id);
        sessions.deleteById(id);
        // its day, hosts and officials lose a session
        rollup.after(fed);
        audit.deleted(user, AUDIT_TYPE, id, session.get().countyCode(), before);
        return 0;
    }

    private void requireOpen(long campaignId) {
        if (lookups.lockedStatus(campaignId).map("CLOSED"::equals).orElse(true)) {
            throw new CampaignClosedException();
        }
    }

    private Set<Long> withNewHost(CurrentUser user, SessionForm.Entry entry) {
        Set<Long> hostIds = new LinkedHashSet<>(entry.hostIds());
        SessionForm.NewHost host = entry.newHost();
        if (host != null) {
            lookups.insertHost(host.name(), host.platform().name(), host.handle());
            long hostId = lookups.hostId(host.platform().name(), host.handle()).orElseThrow();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", host.name());
            values.put("platform", host.platform());
            values.put("handle", host.handle());
            audit.created(user, HOST_AUDIT_TYPE, hostId, null, values);
            hostIds.add(hostId);
        }
        return hostIds;
    }

    private void link(long sessionId, Set<Long> hostIds, Set<Long> officialIds) {
        hostIds.forEach(hostId -> sessions.addHost(sessionId, hostId));
        officialIds.forEach(officialId -> sessions.addOfficial(sessionId, officialId));
    }

    private static Map<String, Object> auditValues(LiveSession session, Set<Long> hostIds, Set<Long> officialIds) {
        Map<String, Object> values = session.auditValues();
        values.put("hosts", SessionForm.joined(hostIds));
        values.put("officials", SessionForm.joined(officialIds));
        return values;
    }
}

package countylive.official;

import countylive.audit.RecordType;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Official changes, each one transaction with its audit entry (filed under the county). */
@Singleton
class OfficialService {

    static final RecordType AUDIT_TYPE = RecordType.OFFICIAL;

    private final OfficialRepository officials;
    private final Submissions submissions;
    private final AuditTrail audit;

    OfficialService(OfficialRepository officials, Submissions submissions, AuditTrail audit) {
        this.officials = officials;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    Official create(CurrentUser user, Official official, String submissionToken) {
        submissions.claim(submissionToken);
        Official saved = officials.save(official);
        submissions.complete(submissionToken, "/officials/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), saved.auditValues());
        return saved;
    }

    /** @throws OptimisticLockException when someone else saved the official since the form was opened */
    @Transactional
    Official update(CurrentUser user, Official changed) {
        Official before = officials.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        Official saved = officials.update(new Official(changed.id(), changed.name(), changed.title(),
                changed.countyCode(), changed.version(), before.createdAt(), before.updatedAt()));
        audit.updated(user, AUDIT_TYPE, saved.id(), saved.countyCode(), before.auditValues(), saved.auditValues());
        return saved;
    }

    /** Deletes the official unless sessions name them; returns how many do (0 when deleted). */
    @Transactional
    long delete(CurrentUser user, long id) {
        Optional<Official> official = officials.findById(id);
        if (official.isEmpty()) {
            return 0;
        }
        long sessions = officials.countSessions(id);
        if (sessions > 0) {
            return sessions;
        }
        officials.deleteById(id);
        audit.deleted(user, AUDIT_TYPE, id, official.get().countyCode(), official.get().auditValues());
        return 0;
    }
}

package countylive.campaign;

import countylive.audit.RecordType;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Partner changes, each one transaction with its audit entry. */
@Singleton
class PartnerService {

    static final RecordType AUDIT_TYPE = RecordType.PARTNER;

    private final PartnerRepository partners;
    private final Submissions submissions;
    private final AuditTrail audit;

    PartnerService(PartnerRepository partners, Submissions submissions, AuditTrail audit) {
        this.partners = partners;
        this.submissions = submissions;
        this.audit = audit;
    }

    boolean nameTaken(String name, Long exceptId) {
        return exceptId == null ? partners.existsByName(name) : partners.existsByNameAndIdNotEqual(name, exceptId);
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    Partner create(CurrentUser user, Partner partner, String submissionToken) {
        submissions.claim(submissionToken);
        Partner saved = partners.save(partner);
        submissions.complete(submissionToken, "/partners/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), null, saved.auditValues());
        return saved;
    }

    /** @throws OptimisticLockException when someone else saved the partner since the form was opened */
    @Transactional
    Partner update(CurrentUser user, Partner changed) {
        Partner before = partners.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        Partner saved = partners.update(new Partner(changed.id(), changed.name(), changed.kind(), changed.version(),
                before.createdAt(), before.updatedAt()));
        audit.updated(user, AUDIT_TYPE, saved.id(), null, before.auditValues(), saved.auditValues());
        return saved;
    }

    /** Deletes the partner unless campaigns name it; returns how many do (0 when deleted). */
    @Transactional
    long delete(CurrentUser user, long id) {
        Optional<Partner> partner = partners.findById(id);
        if (partner.isEmpty()) {
            return 0;
        }
        long campaigns = partners.countCampaigns(id);
        if (campaigns > 0) {
            return campaigns;
        }
        partners.deleteById(id);
        audit.deleted(user, AUDIT_TYPE, id, null, partner.get().auditValues());
        return 0;
    }
}

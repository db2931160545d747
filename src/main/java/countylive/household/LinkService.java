package countylive.household;

import countylive.account.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.livestream.CampaignClosedException;
import countylive.livestream.EntryLookups;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Beneficiary link changes: one transaction each, audited, refused once the campaign is closed. */
@Singleton
class LinkService {

    static final String AUDIT_TYPE = "beneficiary_link";

    private final LinkRepository links;
    private final EntryLookups lookups;
    private final Submissions submissions;
    private final AuditTrail audit;

    LinkService(LinkRepository links, EntryLookups lookups, Submissions submissions, AuditTrail audit) {
        this.links = links;
        this.lookups = lookups;
        this.submissions = submissions;
        this.audit = audit;
    }

    /**
     * @throws Submissions.AlreadySubmitted when the same form was submitted before
     * @throws CampaignClosedException      when the campaign is closed
     */
    @Transactional
    BeneficiaryLink create(CurrentUser user, BeneficiaryLink link, String submissionToken) {
        submissions.claim(submissionToken);
        requireOpen(link.campaignId());
        BeneficiaryLink saved = links.save(link);
        submissions.complete(submissionToken, "/households/" + link.householdId());
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), saved.auditValues());
        return saved;
    }

    /** @throws OptimisticLockException when someone else saved the link since the form was opened */
    @Transactional
    BeneficiaryLink update(CurrentUser user, BeneficiaryLink changed) {
        BeneficiaryLink before = links.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        requireOpen(before.campaignId());
        requireOpen(changed.campaignId());
        BeneficiaryLink saved = links.update(changed.withStored(before));
        audit.updated(user, AUDIT_TYPE, saved.id(), saved.countyCode(), before.auditValues(), saved.auditValues());
        return saved;
    }

    @Transactional
    void delete(CurrentUser user, BeneficiaryLink link) {
        requireOpen(link.campaignId());
        links.deleteById(link.id());
        audit.deleted(user, AUDIT_TYPE, link.id(), link.countyCode(), link.auditValues());
    }

    private void requireOpen(long campaignId) {
        if (lookups.lockedStatus(campaignId).map("CLOSED"::equals).orElse(true)) {
            throw new CampaignClosedException();
        }
    }
}

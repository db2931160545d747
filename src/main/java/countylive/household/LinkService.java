package countylive.household;

import countylive.account.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.livestream.CampaignClosedException;
import countylive.livestream.EntryLookups;
import countylive.summary.PeopleRollup;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Beneficiary link changes: one transaction each, audited, refused once the campaign is closed,
 * with the people-assisted rollup recomputed in the same transaction.
 */
@Singleton
class LinkService {

    static final String AUDIT_TYPE = "beneficiary_link";

    private final LinkRepository links;
    private final EntryLookups lookups;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final PeopleRollup people;

    LinkService(LinkRepository links, EntryLookups lookups, Submissions submissions, AuditTrail audit,
                PeopleRollup people) {
        this.links = links;
        this.people = people;
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
        // first: waits for other writers of the campaign county's people figures
        PeopleRollup.Counted counted = people.before(List.of(link.householdId()), List.of(link.campaignId()), List.of());
        submissions.claim(submissionToken);
        requireOpen(link.campaignId());
        BeneficiaryLink saved = links.save(link);
        people.after(counted);
        submissions.complete(submissionToken, "/households/" + link.householdId());
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), saved.auditValues());
        return saved;
    }

    /** @throws OptimisticLockException when someone else saved the link since the form was opened */
    @Transactional
    BeneficiaryLink update(CurrentUser user, BeneficiaryLink changed) {
        BeneficiaryLink before = links.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        // a link keeps its household; it may move to another campaign
        PeopleRollup.Counted counted = people.before(List.of(before.householdId()),
                List.of(before.campaignId(), changed.campaignId()), List.of());
        requireOpen(before.campaignId());
        requireOpen(changed.campaignId());
        BeneficiaryLink saved = links.update(changed.withStored(before));
        people.after(counted);
        audit.updated(user, AUDIT_TYPE, saved.id(), saved.countyCode(), before.auditValues(), saved.auditValues());
        return saved;
    }

    @Transactional
    void delete(CurrentUser user, BeneficiaryLink link) {
        PeopleRollup.Counted counted = people.before(List.of(link.householdId()), List.of(link.campaignId()), List.of());
        requireOpen(link.campaignId());
        links.deleteById(link.id());
        people.after(counted);
        audit.deleted(user, AUDIT_TYPE, link.id(), link.countyCode(), link.auditValues());
    }

    private void requireOpen(long campaignId) {
        if (lookups.lockedStatus(campaignId).map("CLOSED"::equals).orElse(true)) {
            throw new CampaignClosedException();
        }
    }
}

package countylive.household;

import countylive.account.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.summary.PeopleRollup;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Household changes, each one transaction with its audit entry. */
@Singleton
class HouseholdService {

    static final String AUDIT_TYPE = "household";

    private final HouseholdRepository households;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final PeopleRollup people;

    HouseholdService(HouseholdRepository households, Submissions submissions, AuditTrail audit, PeopleRollup people) {
        this.households = households;
        this.people = people;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** The county that already registered the number (for another household), if any. */
    Optional<String> registeredIn(String registrationNo, Long exceptId) {
        return households.countyHolding(registrationNo, exceptId == null ? -1 : exceptId);
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    Household create(CurrentUser user, Household household, String submissionToken) {
        submissions.claim(submissionToken);
        Household saved = households.save(household);
        submissions.complete(submissionToken, "/households/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), saved.countyCode(), saved.auditValues());
        return saved;
    }

    /** @throws OptimisticLockException when someone else saved the household since the form was opened */
    @Transactional
    Household update(CurrentUser user, Household changed) {
        // its members and county count in the people figures of every campaign that links it
        PeopleRollup.Counted counted = people.before(List.of(changed.id()), List.of(), List.of(changed.countyCode()));
        Household before = households.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        Household saved = households.update(changed.withStored(before));
        people.after(counted);
        audit.updated(user, AUDIT_TYPE, saved.id(), saved.countyCode(), before.auditValues(), saved.auditValues());
        return saved;
    }

    /** Deletes the household unless campaigns link it; returns how many links it has (0 when deleted). */
    @Transactional
    long delete(CurrentUser user, long id) {
        Optional<Household> household = households.findById(id);
        if (household.isEmpty()) {
            return 0;
        }
        long links = households.countLinks(id);
        if (links > 0) {
            return links;
        }
        households.deleteById(id);
        audit.deleted(user, AUDIT_TYPE, id, household.get().countyCode(), household.get().auditValues());
        return 0;
    }
}

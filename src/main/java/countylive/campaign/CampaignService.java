package countylive.campaign;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.region.Counties;
import countylive.region.CountyInfo;
import countylive.web.form.Refusal;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Campaign changes with their partner and county links, each one transaction with its audit entry. */
@Singleton
class CampaignService {

    static final RecordType AUDIT_TYPE = RecordType.CAMPAIGN;

    /** What keeps a campaign from being deleted. */
    record Blockers(boolean closed, long sessions, long beneficiaryLinks, long imports) {

        boolean any() {
            return closed || sessions > 0 || beneficiaryLinks > 0 || imports > 0;
        }
    }

    private final CampaignRepository campaigns;
    private final CampaignLocks locks;
    private final Counties counties;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignLocks locks, Counties counties, Submissions submissions,
                    AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.locks = locks;
        this.counties = counties;
        this.submissions = submissions;
        this.audit = audit;
    }

    boolean nameTaken(String name, Long exceptId) {
        return exceptId == null ? campaigns.existsByName(name) : campaigns.existsByNameAndIdNotEqual(name, exceptId);
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    Campaign create(CurrentUser user, CampaignForm.Draft draft, String submissionToken) {
        submissions.claim(submissionToken);
        Campaign saved = campaigns.save(draft.campaign());
        draft.partnerIds().forEach(partnerId -> campaigns.addPartner(saved.id(), partnerId));
        draft.countyCodes().forEach(code -> campaigns.addCounty(saved.id(), code));
        submissions.complete(submissionToken, "/campaigns/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), null, saved.auditValues(draft.partnerIds(), draft.countyCodes()));
        return saved;
    }

    /**
     * @throws OptimisticLockException when someone else saved the campaign since the form was opened
     * @throws Refusal when the campaign is closed and more than its status would change, when the
     *                 new period leaves out sessions, or when a county to be removed already has records
     *                 in the campaign. Each is invalid input (422), put right by changing the form; a
     *                 change of the campaign itself since the form was opened (closing it, say) is
     *                 caught first, as a stale version (409).
     */
    @Transactional
    Campaign update(CurrentUser user, CampaignForm.Draft draft, @Nullable String closeReason) {
        Campaign changed = draft.campaign();
        // first, as every writer of the campaign's data does: no session, line or link of any of its
        // counties changes until this commits, so the checks below hold until then (a closing too)
        locks.lockAll(changed.id());
        Campaign before = campaigns.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        if (!Objects.equals(before.version(), changed.version())) {
            throw new OptimisticLockException("stale version");
        }
        List<Long> partnersBefore = campaigns.partnerIds(before.id());
        List<String> countiesBefore = campaigns.countyCodes(before.id());
        boolean onlyStatusChanges = changed.sameApartFromStatus(before)
                && Set.copyOf(partnersBefore).equals(Set.copyOf(draft.partnerIds()))
                && Set.copyOf(countiesBefore).equals(Set.copyOf(draft.countyCodes()));
        if (before.status() == CampaignStatus.CLOSED && !onlyStatusChanges) {
            throw Refusal.invalid(null, "campaign.closed.onlyStatus");
        }
        checkPeriodHoldsSessions(changed);
        if (changed.status() == CampaignStatus.CLOSED && before.status() != CampaignStatus.CLOSED) {
            closeOnlyWhenAccepted(user, before.id(), countiesBefore, draft.countyCodes(), closeReason);
        }
        List<String> removed = countiesBefore.stream().filter(code -> !draft.countyCodes().contains(code)).toList();
        List<String> inUse = removed.stream().filter(code -> campaigns.countRecordsInCounty(before.id(), code) > 0)
                .toList();
        if (!inUse.isEmpty()) {
            throw Refusal.invalid("counties", "campaign.countyInUse", counties.findAll(inUse).values().stream()
                    .map(CountyInfo::label).collect(Collectors.joining("、")));
        }
        Campaign saved = campaigns.update(changed.withTimestamps(before.createdAt(), before.updatedAt()));
        Set<Long> keptPartners = new HashSet<>(partnersBefore);
        partnersBefore.stream().filter(id -> !draft.partnerIds().contains(id))
                .forEach(id -> campaigns.removePartner(saved.id(), id));
        draft.partnerIds().stream().filter(id -> !keptPartners.contains(id))
                .forEach(id -> campaigns.addPartner(saved.id(), id));
        removed.forEach(code -> {
            campaigns.retireCounty(saved.id(), code);
            campaigns.removeCounty(saved.id(), code);
        });
        draft.countyCodes().stream().filter(code -> !countiesBefore.contains(code))
                .forEach(code -> campaigns.addCounty(saved.id(), code));
        audit.updated(user, AUDIT_TYPE, saved.id(), null, before.auditValues(partnersBefore, countiesBefore),
                saved.auditValues(draft.partnerIds(), draft.countyCodes()));
        return saved;
    }

    /**
     * A campaign closes when every county's figures are accepted; otherwise only with a reason,
     * which the sign-off timeline keeps (a county joining as the campaign closes is not accepted).
     */
    private void closeOnlyWhenAccepted(CurrentUser user, long id, List<String> countiesBefore, List<String> countiesAfter,
                                       @Nullable String closeReason) {
        Set<String> notAccepted = new java.util.TreeSet<>(campaigns.countiesNotAccepted(id));
        notAccepted.retainAll(countiesAfter);
        countiesAfter.stream().filter(code -> !countiesBefore.contains(code)).forEach(notAccepted::add);
        if (notAccepted.isEmpty()) {
            return;
        }
        String reason = closeReason == null ? "" : closeReason.strip();
        if (reason.isEmpty()) {
            List<String> names = counties.findAll(List.copyOf(notAccepted)).values().stream().map(CountyInfo::label)
                    .toList();
            String shown = String.join("、", names.subList(0, Math.min(10, names.size())))
                    + (names.size() > 10 ? " …" : "");
            throw Refusal.invalid("closeReason", "signoff.close.needsAcceptance", notAccepted.size(), shown);
        }
        if (reason.length() > SignOffAction.REASON_LENGTH) {
            throw Refusal.invalid("closeReason", "input.tooLong", SignOffAction.REASON_LENGTH);
        }
        campaigns.recordCloseOverride(id, user.isSystem() ? null : user.id(), user.displayName(),
                java.time.LocalDateTime.now(clock), reason);
    }

    /**
     * Sessions must lie within their campaign's period, so the period may not shrink past them; the
     * refusal stands next to the date that moved past them (both, when both did).
     */
    private void checkPeriodHoldsSessions(Campaign changed) {
        List<Refusal.Problem> problems = new ArrayList<>();
        long before = campaigns.countSessionsBefore(changed.id(), changed.startsOn());
        if (before > 0) {
            problems.add(new Refusal.Problem("startsOn", "campaign.sessionsOutsidePeriod", List.of(before)));
        }
        long after = campaigns.countSessionsAfter(changed.id(), changed.endsOn());
        if (after > 0) {
            problems.add(new Refusal.Problem("endsOn", "campaign.sessionsOutsidePeriod", List.of(after)));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, problems);
        }
    }

    /** Deletes the campaign unless something blocks it; returns what does (nothing when deleted). */
    @Transactional
    Blockers delete(CurrentUser user, long id) {
        locks.lockAll(id);
        Optional<Campaign> campaign = campaigns.findById(id);
        if (campaign.isEmpty()) {
            return new Blockers(false, 0, 0, 0);
        }
        Blockers blockers = new Blockers(campaign.get().status() == CampaignStatus.CLOSED,
                campaigns.countSessions(id), campaigns.countBeneficiaryLinks(id), campaigns.countImports(id));
        if (blockers.any()) {
            return blockers;
        }
        List<Long> partnerIds = new ArrayList<>(campaigns.partnerIds(id));
        List<String> countyCodes = campaigns.countyCodes(id);
        campaigns.deleteById(id); // the links go with it (ON DELETE CASCADE)
        audit.deleted(user, AUDIT_TYPE, id, null, campaign.get().auditValues(partnerIds, countyCodes));
        return blockers;
    }
}

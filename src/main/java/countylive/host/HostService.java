package countylive.host;

import countylive.audit.RecordType;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Host changes, each one transaction with its audit entry. */
@Singleton
public class HostService {

    /** The platform account is registered already: a handle names one account on its platform. */
    public static final class HandleTaken extends RuntimeException {

        HandleTaken() {
            super("handle taken", null, false, false);
        }
    }

    static final RecordType AUDIT_TYPE = RecordType.HOST;

    private final HostRepository hosts;
    private final Submissions submissions;
    private final AuditTrail audit;

    HostService(HostRepository hosts, Submissions submissions, AuditTrail audit) {
        this.hosts = hosts;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** A handle names one account on its platform, so it may appear once per platform. */
    boolean handleTaken(Host host, Long exceptId) {
        return exceptId == null
                ? hosts.existsByPlatformAndHandle(host.platform(), host.handle())
                : hosts.existsByPlatformAndHandleAndIdNotEqual(host.platform(), host.handle(), exceptId);
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    Host create(CurrentUser user, Host host, String submissionToken) {
        submissions.claim(submissionToken);
        Host saved = hosts.save(host);
        submissions.complete(submissionToken, "/hosts/" + saved.id());
        audit.created(user, AUDIT_TYPE, saved.id(), null, saved.auditValues());
        return saved;
    }

    /**
     * A host typed into another form (the session form's "new host"), registered in that form's
     * transaction so that it exists only if the form's own record is saved.
     *
     * @throws HandleTaken when the platform account is registered already
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long register(CurrentUser user, String name, Platform platform, String handle) {
        Host host = new Host(null, name, platform, handle, null, null, null, null);
        if (handleTaken(host, null)) {
            throw new HandleTaken();
        }
        Host saved = hosts.save(host);
        audit.created(user, AUDIT_TYPE, saved.id(), null, saved.auditValues());
        return saved.id();
    }

    /** @throws OptimisticLockException when someone else saved the host since the form was opened */
    @Transactional
    Host update(CurrentUser user, Host changed) {
        Host before = hosts.findById(changed.id()).orElseThrow(() -> new OptimisticLockException("gone"));
        Host saved = hosts.update(new Host(changed.id(), changed.name(), changed.platform(), changed.handle(),
                changed.followers(), changed.version(), before.createdAt(), before.updatedAt()));
        audit.updated(user, AUDIT_TYPE, saved.id(), null, before.auditValues(), saved.auditValues());
        return saved;
    }

    /** Deletes the host unless sessions name it; returns how many do (0 when deleted). */
    @Transactional
    long delete(CurrentUser user, long id) {
        Optional<Host> host = hosts.findById(id);
        if (host.isEmpty()) {
            return 0;
        }
        long sessions = hosts.countSessions(id);
        if (sessions > 0) {
            return sessions;
        }
        hosts.deleteById(id);
        audit.deleted(user, AUDIT_TYPE, id, null, host.get().auditValues());
        return 0;
    }
}

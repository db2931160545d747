package countylive.account;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.web.RecordNotFoundException;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Account changes made by administrators and by users themselves, each one transaction with its
 * audit entry. Password hashes never reach the audit trail: a password change is recorded as
 * a change of the field "password" without values.
 */
@Singleton
class AccountService {

    static final RecordType AUDIT_TYPE = RecordType.ACCOUNT;
    static final String PASSWORD_FIELD = "password";

    private final UserRepository users;
    private final AppUserAccess access;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final Clock clock;

    AccountService(UserRepository users, AppUserAccess access, PasswordHasher hasher, LoginSessions sessions,
                   Submissions submissions, AuditTrail audit, Clock clock) {
        this.users = users;
        this.access = access;
        this.hasher = hasher;
        this.sessions = sessions;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
    }

    boolean usernameTaken(String username) {
        return users.findByUsername(username).isPresent();
    }

    /** The typed codes that name no county. */
    Set<String> unknownCounties(Collection<String> codes) {
        Set<String> unknown = new TreeSet<>(codes);
        if (!codes.isEmpty()) {
            users.findCountiesByCode(codes).forEach(county -> unknown.remove(county.code()));
        }
        return unknown;
    }

    /** @throws Submissions.AlreadySubmitted when the same form was submitted before */
    @Transactional
    long create(CurrentUser by, AccountForm.Valid account, String submissionToken) {
        submissions.claim(submissionToken);
        long id = access.create(account.username(), account.displayName(), account.role(), account.password(),
                account.countyCodes());
        submissions.complete(submissionToken, "/accounts/" + id);
        audit.created(by, AUDIT_TYPE, id, null, auditValues(find(id)));
        return id;
    }

    /** @throws OptimisticLockException when someone else saved the account since the form was opened */
    @Transactional
    void update(CurrentUser by, long id, AccountForm.Valid changed) {
        AppUser before = users.findById(id).orElseThrow(() -> new OptimisticLockException("gone"));
        Map<String, Object> beforeValues = auditValues(before);
        users.update(new AppUser(id, before.username(), changed.displayName(), before.passwordHash(), changed.role(),
                before.enabled(), before.passwordChangedAt(), changed.version(), before.createdAt(), before.updatedAt()));
        users.replaceCounties(id, changed.countyCodes());
        audit.updated(by, AUDIT_TYPE, id, null, beforeValues, auditValues(find(id)));
    }

    /** Disabling ends the account's sessions at once. */
    @Transactional
    void setEnabled(CurrentUser by, long id, boolean enabled) {
        AppUser before = find(id);
        access.setEnabled(id, enabled);
        audit.updated(by, AUDIT_TYPE, id, null, Map.of("enabled", before.enabled()), Map.of("enabled", enabled));
    }

    /**
     * Sets a new password and ends the account's sessions, except {@code keepToken}'s (the
     * caller's own session when people change their own password).
     */
    @Transactional
    void setPassword(CurrentUser by, long id, String password, String keepToken) {
        find(id);
        users.updatePassword(id, hasher.hash(password), LocalDateTime.now(clock));
        if (keepToken == null) {
            sessions.closeAllOf(id);
        } else {
            sessions.closeOthersOf(id, keepToken);
        }
        audit.changedWithoutValues(by, AUDIT_TYPE, id, null, PASSWORD_FIELD);
    }

    boolean passwordMatches(long id, String password) {
        return users.findById(id).map(user -> hasher.matches(password, user.passwordHash())).orElse(false);
    }

    private AppUser find(long id) {
        return users.findById(id).orElseThrow(() -> new RecordNotFoundException(AUDIT_TYPE.code(), id));
    }

    /** The audited fields: never the password hash. */
    private Map<String, Object> auditValues(AppUser user) {
        List<String> counties = users.findCountyCodes(user.id());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", user.username());
        values.put("displayName", user.displayName());
        values.put("role", user.role());
        values.put("enabled", user.enabled());
        values.put("counties", counties.isEmpty() ? null : String.join(" ", counties));
        return values;
    }
}

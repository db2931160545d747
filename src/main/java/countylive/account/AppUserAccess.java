package countylive.account;

import countylive.access.Role;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Set;

/** Creating and changing accounts, for the admin pages, the bootstrap and the tests alike. */
@Singleton
public class AppUserAccess {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;
    private final Clock clock;

    AppUserAccess(UserRepository users, PasswordHasher hasher, LoginSessions sessions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional
    public long create(String username, Role role, String password, Collection<String> countyCodes) {
        return create(username, username, role, password, countyCodes);
    }

    @Transactional
    public long create(String username, String displayName, Role role, String password, Collection<String> countyCodes) {
        AppUser user = users.save(AppUser.create(username, displayName, hasher.hash(password), role,
                LocalDateTime.now(clock)));
        users.replaceCounties(user.id(), Set.copyOf(countyCodes));
        return user.id();
    }

    /** Disabling ends the account's sessions at once: a stolen cookie dies with it. */
    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        users.updateEnabled(userId, enabled);
        if (!enabled) {
            sessions.closeAllOf(userId);
        }
    }
}

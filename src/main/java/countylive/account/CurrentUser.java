package countylive.account;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in user as the app sees it, read from the request's {@link Authentication}.
 * Record-level checks ask it which counties a user may touch.
 */
public record CurrentUser(long id, String username, String displayName, Role role, Set<String> countyCodes,
                          String csrfToken) {

    static final String ATTR_USER_ID = "userId";
    static final String ATTR_DISPLAY_NAME = "displayName";
    static final String ATTR_COUNTIES = "counties";
    static final String ATTR_CSRF = countylive.web.csrf.CsrfInterceptor.SESSION_ATTRIBUTE;

    public static CurrentUser of(Authentication authentication) {
        var attributes = authentication.getAttributes();
        Object counties = attributes.getOrDefault(ATTR_COUNTIES, List.of());
        Set<String> codes = new TreeSet<>();
        if (counties instanceof Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        }
        return new CurrentUser(
                ((Number) attributes.get(ATTR_USER_ID)).longValue(),
                authentication.getName(),
                String.valueOf(attributes.get(ATTR_DISPLAY_NAME)),
                Role.valueOf(authentication.getRoles().iterator().next()),
                Set.copyOf(codes),
                String.valueOf(attributes.get(ATTR_CSRF)));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this user may change the records of a county. */
    public boolean mayEdit(String countyCode) {
        return role == Role.ADMIN || (role == Role.COORDINATOR && countyCodes.contains(countyCode));
    }

    /** Whether this user may read the records of a county (association staff read everything). */
    public boolean mayRead(String countyCode) {
        return role != Role.COORDINATOR || countyCodes.contains(countyCode);
    }
}

package countylive.access;

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

    public static final String ATTR_USER_ID = "userId";
    public static final String ATTR_DISPLAY_NAME = "displayName";
    public static final String ATTR_COUNTIES = "counties";
    public static final String ATTR_CSRF = "csrf";

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

    /**
     * A program acting on its own, such as the demo loader: it may change every county, and the
     * audit trail names it without an account (id 0).
     */
    public static CurrentUser system(String name) {
        return new CurrentUser(0, name, name, Role.ADMIN, Set.of(), "");
    }

    public boolean isSystem() {
        return id == 0;
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

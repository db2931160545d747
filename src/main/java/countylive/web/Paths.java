package countylive.web;

import io.micronaut.core.annotation.Nullable;

/** Checks on paths that come back from the browser. */
public final class Paths {

    private Paths() {
    }

    /** Only a path on this site, never an open redirect to somewhere else; "/" otherwise. */
    public static String safeReturnPath(@Nullable String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//")
                || returnTo.contains("\\") || returnTo.chars().anyMatch(Character::isISOControl)
                || returnTo.length() > 500) {
            return "/";
        }
        return returnTo;
    }
}

package countylive.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks on paths that come back from the browser. */
public final class Paths {

    private Paths() {
    }

    /**
     * Where to send the browser back to: a path on this site, "/" for anything that would lead
     * elsewhere (never an open redirect).
     *
     * @throws HttpStatusException 400, for text that is no URI at all (a space, a bad escape): the
     *                             app's forms never send that, so the request is refused before it changes anything
     */
    public static URI returnUri(@Nullable String returnTo) {
        try {
            return new URI(safeReturnPath(returnTo));
        } catch (URISyntaxException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "the return path is not a URI");
        }
    }

    /** Only a path on this site, never an open redirect to somewhere else; "/" otherwise. */
    static String safeReturnPath(@Nullable String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//")
                || returnTo.contains("\\") || returnTo.chars().anyMatch(Character::isISOControl)
                || returnTo.length() > 500) {
            return "/";
        }
        return returnTo;
    }
}

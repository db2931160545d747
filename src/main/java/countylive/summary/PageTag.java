package countylive.summary;

import countylive.access.CurrentUser;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A summary page's entity tag: the cached body's key (versions, filter, language, role and
 * counties) and what the layout adds per viewer (the login session's CSRF token, the user and
 * the query), hashed. So two viewers never share a tag, a tag changes with the language and with
 * every change of the figures, and a browser that sends back a tag it got gets 304 only while
 * the page it holds is still the page it would get.
 */
record PageTag(String value) {

    static PageTag of(String bodyKey, HttpRequest<?> request, CurrentUser user) {
        String query = request.getUri().getRawQuery();
        String text = bodyKey + "\n" + user.id() + "\n" + user.displayName() + "\n" + user.csrfToken() + "\n"
                + (query == null ? "" : query);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // weak: the same page may travel compressed or not
            return new PageTag("W/\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the request's If-None-Match names this tag (or any). */
    boolean matches(HttpRequest<?> request) {
        String sent = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (sent == null) {
            return false;
        }
        String opaque = value.substring(2);
        for (String tag : sent.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(value) || t.equals(opaque) || t.equals("W/" + opaque)) {
                return true;
            }
        }
        return false;
    }

    /** 304, with the tag. */
    MutableHttpResponse<?> notModified() {
        return headers(HttpResponse.notModified());
    }

    /**
     * The tag, and that a browser may keep the page for this viewer only and must ask again before
     * showing it (a shared cache never keeps it).
     */
    <T> MutableHttpResponse<T> headers(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.ETAG, value).header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }
}

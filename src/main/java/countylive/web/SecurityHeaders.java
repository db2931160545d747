package countylive.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that make the browser refuse injected scripts, framing by other sites and MIME
 * sniffing. The pages use no inline script or style, so the policy needs no exceptions.
 * Error pages set them themselves ({@link ErrorPageRenderer}): an error answered outside the
 * filters (a refused role, a body too large) never passes here.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        apply(request, response.getHeaders());
    }

    static void apply(HttpRequest<?> request, MutableHttpHeaders headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        if (request.getPath().startsWith("/assets/")) {
            // weak connections: let the browser keep the stylesheet and scripts for a while
            headers.set("Cache-Control", "public, max-age=3600");
        } else if (!headers.contains("Cache-Control")) {
            // pages hold personal data and tokens: never keep them in shared caches
            headers.set("Cache-Control", "no-store");
        }
    }
}

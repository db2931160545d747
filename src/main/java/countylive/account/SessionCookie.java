package countylive.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;
import java.util.Optional;

/** The login cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
final class SessionCookie {

    static final String NAME = "CL_SESSION";

    private SessionCookie() {
    }

    static Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue);
    }

    static Cookie issue(HttpRequest<?> request, String token) {
        return base(request, token);
    }

    static Cookie clear(HttpRequest<?> request) {
        return base(request, "").maxAge(Duration.ZERO);
    }

    private static Cookie base(HttpRequest<?> request, String value) {
        return Cookie.of(NAME, value)
                .path("/")
                .httpOnly(true)
                .sameSite(SameSite.Lax)
                .secure(isHttps(request));
    }

    /** Behind a TLS-terminating proxy the request itself is plain HTTP; the proxy says so. */
    static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure()
                || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}

package countylive.account;

import countylive.metrics.LoginAttempts;
import countylive.web.Paths;
import countylive.web.csrf.CsrfExempt;
import countylive.web.csrf.CsrfProtected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The login form. There is no session yet to hold a CSRF token, so the form carries a random
 * token that must match a cookie set with it (double submit): another site can neither read
 * nor set that cookie.
 */
@Controller(value = "/login", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
    static final String LOGIN_TOKEN_COOKIE = "CL_LOGIN";
    /** Verified against when the user does not exist, so that timing does not tell. */
    private static final String DUMMY_HASH = "$2a$12$C6UzMDM.H6dfI/f/IKxGhuTi7Ejm8YHcr4kKAvwcLJ3oY6uGeHCOe";

    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String loginToken,
                     @Nullable String returnTo) {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final LoginAttempts attempts;

    LoginController(UserRepository users, PasswordHasher hasher, LoginSessions sessions, LoginThrottle throttle,
                    ClientAddress clientAddress, LoginAttempts attempts) {
        this.attempts = attempts;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String returnTo,
                         @Nullable Authentication authentication) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        if (returnTo == null) {
            // where the user was sent away from, remembered by micronaut-security's redirect
            returnTo = request.getCookies().findCookie("ORIGINAL_URI").map(Cookie::getValue).orElse(null);
        }
        return page(request, HttpStatus.OK, new LoginForm("", "", null, returnTo), null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @CsrfExempt // checked below against the login cookie instead
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        // first: a return path that is no URI is refused (400) before anything is counted or opened
        URI back = Paths.returnUri(form.returnTo());
        String cookieToken = request.getCookies().findCookie(LOGIN_TOKEN_COOKIE).map(Cookie::getValue).orElse(null);
        if (!sameToken(cookieToken, form.loginToken())) {
            attempts.counted(LoginAttempts.Outcome.EXPIRED);
            return page(request, HttpStatus.FORBIDDEN, form, "login.expired", null);
        }
        String username = form.username() == null ? "" : form.username().trim();
        String address = clientAddress.of(request);
        // counted before the password is checked: attempts sent at once cannot all slip through
        Duration wait = throttle.admit(username, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds());
            attempts.counted(LoginAttempts.Outcome.THROTTLED);
            LOG.info("Login for '{}' from {} throttled for {} s", username, address, seconds);
            return page(request, HttpStatus.TOO_MANY_REQUESTS, form, "login.throttled", seconds);
        }
        AppUser user = username.isEmpty() ? null : users.findByUsername(username).orElse(null);
        boolean passwordOk = hasher.matches(form.password(), user == null ? DUMMY_HASH : user.passwordHash());
        if (user == null || !passwordOk || !user.enabled()) {
            LOG.info("Failed login for '{}' from {}", username, address);
            attempts.counted(LoginAttempts.Outcome.FAILED);
            return page(request, HttpStatus.UNAUTHORIZED, form, "login.failed", null);
        }
        throttle.succeeded(username, address);
        String token = sessions.open(user.id());
        LOG.info("User '{}' logged in from {}", username, address);
        attempts.counted(LoginAttempts.Outcome.SUCCEEDED);
        return HttpResponse.seeOther(back)
                .cookie(SessionCookie.issue(request, token))
                .cookie(Cookie.of(LOGIN_TOKEN_COOKIE, "").path("/login").maxAge(Duration.ZERO));
    }

    private HttpResponse<?> page(HttpRequest<?> request, HttpStatus status, LoginForm form,
                                 @Nullable String error, @Nullable Object errorArgument) {
        String token = LoginSessions.randomToken();
        Map<String, Object> model = new HashMap<>();
        model.put("username", form.username() == null ? "" : form.username());
        model.put("returnTo", form.returnTo() == null ? "" : form.returnTo());
        model.put("loginToken", token);
        if (error != null) {
            model.put("error", error);
            model.put("errorArgument", errorArgument == null ? "" : errorArgument);
        }
        Cookie cookie = Cookie.of(LOGIN_TOKEN_COOKIE, token)
                .path("/login")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(SessionCookie.isHttps(request));
        return HttpResponse.status(status).body(new ModelAndView<>("account/login", model)).cookie(cookie);
    }

    private static boolean sameToken(@Nullable String a, @Nullable String b) {
        return a != null && b != null && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

package countylive.account;

import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;

/** Ends the session on the server, so that a copy of the cookie stops working too. */
@Controller(value = "/logout", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class LogoutController {

    @Serdeable
    record LogoutForm(@Nullable String csrf) implements CsrfForm {
    }

    private final LoginSessions sessions;

    LogoutController(LoginSessions sessions) {
        this.sessions = sessions;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> request, @Body LogoutForm form) {
        SessionCookie.token(request).ifPresent(sessions::close);
        return HttpResponse.seeOther(URI.create("/login")).cookie(SessionCookie.clear(request));
    }
}

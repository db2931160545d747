package countylive.account;

import countylive.access.CurrentUser;

import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Everyone changes their own password here. The current password is asked for, and wrong
 * guesses count towards the login throttle, so that a borrowed session cannot be turned into
 * the account. Afterwards every other session of the user ends; this one stays.
 */
@Controller(value = "/account/password", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class OwnPasswordController {

    private static final String VIEW = "account/password";

    private final AccountService service;
    private final LoginThrottle throttle;
    private final FormView forms;
    private final ClientAddress clientAddress;

    OwnPasswordController(AccountService service, LoginThrottle throttle, FormView forms, ClientAddress clientAddress) {
        this.service = service;
        this.throttle = throttle;
        this.forms = forms;
        this.clientAddress = clientAddress;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request) {
        return forms.render(request, VIEW, PasswordForm.emptyValues(), new FormErrors(), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @Body PasswordForm form, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        String address = clientAddress.of(request);
        FormErrors errors = new FormErrors();
        Duration wait = throttle.admit(me.username(), address);
        if (!wait.isZero()) {
            errors.add("current", "login.throttled", Math.max(1, wait.toSeconds()));
            return forms.render(request, HttpStatus.TOO_MANY_REQUESTS, VIEW, PasswordForm.emptyValues(), errors, Map.of());
        }
        boolean currentRight = form.current() != null && service.passwordMatches(me.id(), form.current());
        if (currentRight) {
            throttle.succeeded(me.username(), address);
        } else {
            errors.add("current", "password.currentWrong");
        }
        String password = form.validate(errors);
        if (!errors.isEmpty()) {
            return forms.render(request, VIEW, PasswordForm.emptyValues(), errors, Map.of());
        }
        service.setPassword(me, me.id(), password, SessionCookie.token(request).orElseThrow());
        return HttpResponse.seeOther(URI.create("/account/password?flash=passwordChanged"));
    }
}

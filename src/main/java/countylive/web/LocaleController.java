package countylive.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import countylive.web.csrf.CsrfExempt;
import countylive.web.csrf.CsrfProtected;

import java.net.URI;
import java.time.Duration;

/**
 * Switches the interface language. It only sets the caller's own preference cookie, which is
 * why it is a plain POST open to everyone, the login page included.
 */
@Controller(value = "/locale", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class LocaleController {

    @Serdeable
    record LocaleForm(@Nullable String lang, @Nullable String returnTo) {
    }

    @CsrfExempt // sets only the caller's own display preference
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(@Body LocaleForm form) {
        URI back = Paths.returnUri(form.returnTo());
        Cookie cookie = Cookie.of(Languages.COOKIE, Languages.supportedTag(form.lang()))
                .path("/")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite(SameSite.Lax);
        return HttpResponse.seeOther(back).cookie(cookie);
    }
}

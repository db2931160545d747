package countylive.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.views.ModelAndView;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import countylive.web.csrf.CsrfRejectedException;

import java.util.Map;

/** Friendly pages for a missing page or record: never the framework's JSON or a stack trace. */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class ErrorPages {

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> noRoute(HttpRequest<?> request) {
        return notFoundPage();
    }

    @Error(exception = RecordNotFoundException.class, global = true)
    HttpResponse<?> noRecord(HttpRequest<?> request, RecordNotFoundException e) {
        return notFoundPage();
    }

    @Error(status = HttpStatus.FORBIDDEN, global = true)
    HttpResponse<?> forbidden(HttpRequest<?> request) {
        return forbiddenPage();
    }

    @Error(exception = CsrfRejectedException.class, global = true)
    HttpResponse<?> csrfRejected(HttpRequest<?> request, CsrfRejectedException e) {
        return forbiddenPage();
    }

    static HttpResponse<?> forbiddenPage() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("error/403", Map.of()));
    }

    static HttpResponse<?> notFoundPage() {
        return HttpResponse.notFound(new ModelAndView<>("error/404", Map.of()));
    }
}

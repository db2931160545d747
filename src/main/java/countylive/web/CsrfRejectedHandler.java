package countylive.web;

import countylive.web.csrf.CsrfRejectedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * A form without its session's token: 403, nothing changed. For a real user this is a form opened
 * before their latest login (in another tab, say), so the page says to open the form again.
 */
@Singleton
class CsrfRejectedHandler implements ExceptionHandler<CsrfRejectedException, MutableHttpResponse<?>> {

    private final ErrorPageRenderer pages;

    CsrfRejectedHandler(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, CsrfRejectedException exception) {
        return pages.page(request, HttpStatus.FORBIDDEN, Map.of("kind", ErrorPageRenderer.EXPIRED_FORM));
    }
}

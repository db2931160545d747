package countylive.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The app's own page for every error Micronaut answers itself, instead of its English default
 * page or JSON: no route (404), a role refused by a route's {@code @Secured} (403), a request that
 * is not signed in and wants no redirect (401), a wrong method (405), a format the route does not
 * produce (406), a body over the size limit (413), a content type the route does not read (415),
 * a parameter that does not convert (400). Exceptions of the app have handlers of their own, which
 * render the same page ({@link RecordNotFoundHandler}, {@link CsrfRejectedHandler}, {@link MalformedBodyHandler},
 * {@link ConflictHandler}, {@link UnexpectedErrorHandler}).
 *
 * <p>No {@code @Error(status = ...)} routes: Micronaut runs such a route as a second route of the
 * request, which binds the request body again and never answered for larger form bodies.
 */
@Singleton
class ErrorPages implements ErrorResponseProcessor<String> {

    private final ErrorPageRenderer pages;

    ErrorPages(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        return pages.fill(context.getRequest(), response, Map.of());
    }
}

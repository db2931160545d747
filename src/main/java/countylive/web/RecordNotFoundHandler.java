package countylive.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** A record that does not exist, or is of a county the user does not have: the same 404 page as for no route. */
@Singleton
class RecordNotFoundHandler implements ExceptionHandler<RecordNotFoundException, MutableHttpResponse<?>> {

    private final ErrorPageRenderer pages;

    RecordNotFoundHandler(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, RecordNotFoundException exception) {
        return pages.page(request, HttpStatus.NOT_FOUND, Map.of());
    }
}

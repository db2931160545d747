package countylive.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The last resort for anything no other handler knows: logs the error under an incident id and
 * shows the user that id on a friendly page. Framework handlers for more specific exceptions
 * (bad requests, security) still take precedence, being closer to the exception's type.
 */
@Produces(MediaType.TEXT_HTML)
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
class UnexpectedErrorHandler implements ExceptionHandler<Exception, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ErrorPageRenderer pages;

    UnexpectedErrorHandler(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, Exception exception) {
        String incident = newIncidentId();
        LOG.error("Incident {}: {} {} failed", incident, request.getMethodName(), request.getPath(), exception);
        return pages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, Map.of("incident", incident));
    }

    static String newIncidentId() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }
}

package countylive.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
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
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The last resort for anything no other handler knows: logs the error under an incident id and
 * shows the user that id on a friendly page. A database that cannot be reached is no incident of
 * ours: that is the 503 page, which asks the user to try again later. Framework handlers for more specific exceptions
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
        SQLException lostConnection = lostConnection(exception);
        if (lostConnection != null) {
            // the database is down or unreachable: nothing to investigate per request, one line each
            LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethodName(), request.getPath(),
                    String.valueOf(lostConnection.getMessage()).lines().findFirst().orElse(""));
            // after a form, what was typed is still in the browser: Back, and send it again later
            boolean formSent = request.getMethod() == HttpMethod.POST;
            return pages.page(request, HttpStatus.SERVICE_UNAVAILABLE, Map.of("formKept", formSent))
                    .header(HttpHeaders.RETRY_AFTER, "30");
        }
        String incident = newIncidentId();
        LOG.error("Incident {}: {} {} failed", incident, request.getMethodName(), request.getPath(), exception);
        return pages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, Map.of("incident", incident));
    }

    /**
     * The failure to reach the database among the causes, if that is what went wrong: no pooled
     * connection within the pool's timeout, a connection refused or cut (SQL state class 08).
     */
    static SQLException lostConnection(Throwable exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return (SQLException) cause;
            }
        }
        return null;
    }

    static String newIncidentId() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }
}

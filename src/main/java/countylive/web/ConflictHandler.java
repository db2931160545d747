package countylive.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.Map;

/**
 * A database constraint refused a write that the form checks let through: two people saved the
 * same unique name, or a record was added between a check and a delete. The transaction was
 * rolled back, so nothing was half-written; the user is told to look again and retry (409),
 * rather than shown an error page. So is a write the database rolled back to break a deadlock.
 * Any other database failure is an unexpected error.
 */
@Produces(MediaType.TEXT_HTML)
@Singleton
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
class ConflictHandler implements ExceptionHandler<DataAccessException, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictHandler.class);

    private final ErrorPageRenderer pages;
    private final UnexpectedErrorHandler unexpected;

    ConflictHandler(ErrorPageRenderer pages, UnexpectedErrorHandler unexpected) {
        this.pages = pages;
        this.unexpected = unexpected;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            // a deadlock or lock timeout rolled the transaction back: the same "try again"
            if (cause instanceof SQLIntegrityConstraintViolationException || cause instanceof SQLTransactionRollbackException) {
                LOG.info("{} {} refused by the database: {}", request.getMethodName(), request.getPath(),
                        cause.getMessage());
                return pages.page(request, HttpStatus.CONFLICT, Map.of());
            }
        }
        return unexpected.handle(request, exception);
    }
}

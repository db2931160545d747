package countylive.web;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ConflictHandlerTest {

    private final ErrorPageRenderer pages = mock(ErrorPageRenderer.class);
    private final UnexpectedErrorHandler unexpected = mock(UnexpectedErrorHandler.class);
    private final ConflictHandler handler = new ConflictHandler(pages, unexpected);
    private final HttpRequest<?> request = HttpRequest.POST("/partners", "");

    @Test
    void constraintViolationIsAConflictPage() {
        when(pages.page(any(), eq(HttpStatus.CONFLICT), any()))
                .thenAnswer(invocation -> HttpResponse.status(HttpStatus.CONFLICT).body("<p>conflict</p>"));
        DataAccessException duplicate = new DataAccessException("insert failed",
                new SQLIntegrityConstraintViolationException("Duplicate entry '抖音' for key 'uq_partner_name'"));
        HttpResponse<?> response = handler.handle(request, duplicate);
        assertEquals(HttpStatus.CONFLICT, response.getStatus());
        assertEquals("<p>conflict</p>", response.body());
    }

    @Test
    void otherDatabaseFailuresAreUnexpected() {
        DataAccessException lost = new DataAccessException("no connection", new SQLTransientConnectionException("timeout"));
        when(unexpected.handle(request, lost)).thenAnswer(invocation -> HttpResponse.serverError("incident"));
        HttpResponse<?> response = handler.handle(request, lost);
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, response.getStatus());
        verify(unexpected).handle(request, lost);
    }
}

package countylive.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;

import java.util.Map;

/**
 * Refuses a body over the server's size limit ({@code micronaut.server.max-request-size}) by its
 * Content-Length, before anything reads it, with the 413 page. Micronaut refuses it as well, but
 * only once a route has begun to read the body, and then stops reading without closing the
 * connection: its 413 is sent while the browser is still uploading, and the browser, which reads
 * the answer only when the upload is done, waits forever. A body refused here is read and dropped
 * after the answer, so the upload runs to its end and the browser shows the page.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class BodySizeLimit implements Ordered {

    private final long maxRequestSize;
    private final ErrorPageRenderer pages;

    BodySizeLimit(HttpServerConfiguration server, ErrorPageRenderer pages) {
        this.maxRequestSize = server.getMaxRequestSize();
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseTooLarge(HttpRequest<?> request) {
        if (request.getContentLength() > maxRequestSize) {
            return pages.page(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, Map.of());
        }
        return null;
    }

    /** After the security filter: the page shows the signed-in user's navigation. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}

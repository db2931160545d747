package countylive.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Drops the browser's Accept-Language before the request is routed. The page language is the
 * language switch's cookie alone ({@link Languages}); Micronaut would still parse this header to
 * bind every route's parameters, and answer 500 to one it cannot split, such as {@code ,,,;;;===}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class AcceptLanguageFilter implements Ordered {

    @RequestFilter
    void dropAcceptLanguage(HttpRequest<?> request) {
        if (request.getHeaders() instanceof MutableHttpHeaders headers) {
            headers.remove(HttpHeaders.ACCEPT_LANGUAGE);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}

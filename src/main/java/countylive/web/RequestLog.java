package countylive.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;

/**
 * One log line per request, on the logger {@code countylive.request}: method, route, status,
 * time in milliseconds and user, e.g. {@code POST /sessions/{id}/sales 303 41 ms user=yingshan}.
 * The route is the matched template, never the path as sent, and neither the query string nor
 * the body is logged: a form's password, a token in a path ({@code /imports/rejected/{token}}) or
 * a name typed into a search never reaches the log. A path that matches no route is logged as
 * {@code (no route)}. Static files ({@code /assets/…}) are logged at DEBUG only. With
 * {@code LOG_FORMAT=json} the same facts are also fields of the JSON line (logback.xml).
 *
 * <p>It runs first among the filters, so that its time includes looking up the session and it
 * sees the status of a request the security filter refused.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestLog implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("countylive.request");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void finished(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean asset = request.getPath().startsWith("/assets/");
        if (asset ? !LOG.isDebugEnabled() : !LOG.isInfoEnabled()) {
            return;
        }
        long millis = request.getAttribute(STARTED, Long.class)
                .map(started -> (System.nanoTime() - started) / 1_000_000).orElse(-1L);
        String route = route(request);
        String user = request.getUserPrincipal().map(Principal::getName).orElse("-");
        (asset ? LOG.atDebug() : LOG.atInfo())
                .addKeyValue("method", request.getMethodName())
                .addKeyValue("route", route)
                .addKeyValue("status", response.code())
                .addKeyValue("ms", millis)
                .addKeyValue("user", user)
                .log("{} {} {} {} ms user={}", request.getMethodName(), route, response.code(), millis, user);
    }

    /** The matched route's template, e.g. /sessions/{id}/sales; static files keep their path. */
    static String route(HttpRequest<?> request) {
        if (request.getPath().startsWith("/assets/")) {
            return request.getPath();
        }
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toString())
                .orElse("(no route)");
    }
}

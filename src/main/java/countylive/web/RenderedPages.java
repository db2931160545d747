package countylive.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.StringWriter;

/**
 * Writes each page out while the response is still in the filters. Micronaut's views filter
 * only prepares a page; the template runs later, when the server writes the response body on its
 * I/O pool, and an exception there (a template mistake, an unreadable language cookie) is lost:
 * the browser waits for an answer that never comes, and nothing is logged. Rendered here, a
 * failure is the error page with an incident number in the log. Pages are written out whole
 * either way, so this costs no memory.
 *
 * <p>Pages also say their encoding: {@code text/html; charset=UTF-8}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RenderedPages {

    static final MediaType HTML = MediaType.of(MediaType.TEXT_HTML + ";charset=UTF-8");

    private final UnexpectedErrorHandler unexpected;

    RenderedPages(UnexpectedErrorHandler unexpected) {
        this.unexpected = unexpected;
    }

    @ResponseFilter
    MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean html = response.getContentType().map(type -> type.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (!html) {
            return response;
        }
        if (response.body() instanceof Writable page) {
            StringWriter out = new StringWriter();
            try {
                page.writeTo(out);
            } catch (Exception | StackOverflowError e) {
                return unexpected.handle(request, new IllegalStateException("The page could not be rendered", e));
            }
            response.body(out.toString());
        }
        return response.contentType(HTML);
    }
}

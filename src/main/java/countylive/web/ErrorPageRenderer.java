package countylive.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The error page, in the layout and language of every page, with the security headers, for any
 * status: rendered here to a string, since error responses bypass the views filter and some
 * (a refused role) bypass every filter.
 */
@Singleton
class ErrorPageRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageRenderer.class);
    private static final String VIEW = "error/page";

    /** What the page says, by status: message keys {@code error.<kind>.title} and {@code .text}. */
    private static final Map<Integer, String> KINDS = Map.ofEntries(
            Map.entry(400, "badRequest"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "notFound"), Map.entry(405, "notAllowed"), Map.entry(406, "notAcceptable"),
            Map.entry(409, "conflict"), Map.entry(413, "tooLarge"), Map.entry(415, "unsupportedType"),
            Map.entry(500, "server"), Map.entry(503, "unavailable"));
    /** Any other status. */
    static final String OTHER = "other";
    /** A form whose CSRF token is not its session's: 403, told as an expired form. */
    static final String EXPIRED_FORM = "expiredForm";

    private final ViewsRendererLocator renderers;
    private final LayoutModel layout;

    ErrorPageRenderer(ViewsRendererLocator renderers, LayoutModel layout) {
        this.renderers = renderers;
        this.layout = layout;
    }

    /** A new response with the page for its status. */
    MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, Map<String, Object> values) {
        return fill(request, HttpResponse.status(status), values);
    }

    /** The page for the response's status as its body; the response keeps its other headers. */
    @SuppressWarnings("unchecked")
    MutableHttpResponse<String> fill(HttpRequest<?> request, MutableHttpResponse<?> response, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", KINDS.getOrDefault(response.code(), OTHER));
        model.put("status", response.code());
        model.putAll(values);
        String html = render(request, model);
        SecurityHeaders.apply(request, response.getHeaders());
        return ((MutableHttpResponse<String>) response).body(html).contentType(RenderedPages.HTML);
    }

    /** The message keys of every kind of page, for the test that keeps them in the bundles. */
    static Set<String> kinds() {
        Set<String> kinds = new TreeSet<>(KINDS.values());
        kinds.add(OTHER);
        kinds.add(EXPIRED_FORM);
        return kinds;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String render(HttpRequest<?> request, Map<String, Object> values) {
        try {
            ModelAndView<Map<String, Object>> page = new ModelAndView<>(VIEW, values);
            layout.process(request, page);
            Map<String, Object> model = page.getModel().orElse(values);
            ViewsRenderer renderer = renderers.resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model).orElseThrow();
            Writable writable = renderer.render(VIEW, model, request);
            StringWriter out = new StringWriter();
            writable.writeTo(out);
            return out.toString();
        } catch (Exception | StackOverflowError renderingFailed) {
            LOG.error("The error page for {} could not be rendered", values.get("status"), renderingFailed);
            return "<!DOCTYPE html><meta charset=utf-8><title>Error</title><p>出错了 / Something went wrong. "
                    + values.getOrDefault("incident", "") + "</p>";
        }
    }
}

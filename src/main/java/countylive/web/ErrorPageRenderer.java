package countylive.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Renders an error page to a string: responses of exception handlers bypass the views filter. */
@Singleton
class ErrorPageRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageRenderer.class);

    private final ViewsRendererLocator renderers;

    ErrorPageRenderer(ViewsRendererLocator renderers) {
        this.renderers = renderers;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    String render(HttpRequest<?> request, String view, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.putIfAbsent("currentPath", "/");
        try {
            ViewsRenderer renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, model).orElseThrow();
            Writable writable = renderer.render(view, model, request);
            StringWriter out = new StringWriter();
            writable.writeTo(out);
            return out.toString();
        } catch (Exception renderingFailed) {
            LOG.error("The error page {} could not be rendered", view, renderingFailed);
            return "<!DOCTYPE html><meta charset=utf-8><title>Error</title><p>出错了 / Something went wrong. "
                    + values.getOrDefault("incident", "") + "</p>";
        }
    }
}

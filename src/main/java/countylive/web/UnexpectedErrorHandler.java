package countylive.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The last resort for anything no other handler knows: logs the error under an incident id and
 * shows the user that id on a friendly page. Framework handlers for more specific exceptions
 * (bad requests, security) still take precedence, being closer to the exception's type.
 * The page is rendered here: responses of exception handlers bypass the views filter.
 */
@Produces(MediaType.TEXT_HTML)
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ViewsRendererLocator renderers;

    UnexpectedErrorHandler(ViewsRendererLocator renderers) {
        this.renderers = renderers;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String incident = newIncidentId();
        LOG.error("Incident {}: {} {} failed", incident, request.getMethodName(), request.getPath(), exception);
        Map<String, Object> model = Map.of("incident", incident, "currentPath", "/");
        String page;
        try {
            ViewsRenderer renderer = renderers.resolveViewsRenderer("error/500", MediaType.TEXT_HTML, model).orElseThrow();
            Writable writable = renderer.render("error/500", model, request);
            StringWriter out = new StringWriter();
            writable.writeTo(out);
            page = out.toString();
        } catch (Exception renderingFailed) {
            LOG.error("Incident {}: the error page could not be rendered", incident, renderingFailed);
            page = "<!DOCTYPE html><meta charset=utf-8><title>Error</title><p>出错了 / Something went wrong. "
                    + "Incident " + incident + "</p>";
        }
        return HttpResponse.serverError(page).contentType(MediaType.TEXT_HTML_TYPE);
    }

    static String newIncidentId() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }
}

package countylive.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A form body that cannot be decoded: a bad percent-escape ({@code csrf=%ZZ}), a multipart part
 * without its Content-Disposition, a body cut short. That is the sender's mistake (400), never
 * ours (500); nothing was read, so nothing changed.
 */
@Singleton
class MalformedBodyHandler implements ExceptionHandler<DecoderException, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedBodyHandler.class);

    private final ErrorPageRenderer pages;

    MalformedBodyHandler(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, DecoderException exception) {
        LOG.info("{} {}: malformed body refused: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        return pages.page(request, HttpStatus.BAD_REQUEST, Map.of());
    }
}

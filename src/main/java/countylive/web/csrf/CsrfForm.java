package countylive.web.csrf;

import io.micronaut.core.annotation.Nullable;

/** A form body that carries the CSRF token in its hidden {@code csrf} field. */
public interface CsrfForm {

    @Nullable
    String csrf();
}

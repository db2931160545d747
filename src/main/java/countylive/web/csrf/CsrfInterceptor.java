package countylive.web.csrf;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

@Singleton
@InterceptorBean(CsrfProtected.class)
public class CsrfInterceptor implements MethodInterceptor<Object, Object> {

    /** Where the session's token is kept on the {@link Authentication}. */
    public static final String SESSION_ATTRIBUTE = countylive.access.CurrentUser.ATTR_CSRF;

    @Override
    public @Nullable Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null || isSafe(request.getMethod()) || context.hasAnnotation(CsrfExempt.class)) {
            return context.proceed();
        }
        String expected = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(SESSION_ATTRIBUTE))
                .map(String::valueOf)
                .orElse(null);
        if (!matches(expected, submittedToken(context))) {
            throw new CsrfRejectedException();
        }
        return context.proceed();
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    private static @Nullable String submittedToken(MethodInvocationContext<Object, Object> context) {
        for (var parameter : context.getParameters().values()) {
            Object value = parameter.getValue();
            if (value instanceof CsrfForm form) {
                return form.csrf();
            }
            if ("csrf".equals(parameter.getName()) && value instanceof String token) {
                return token;
            }
        }
        return null;
    }

    /**
     * The same check for a handler that reads its own body (a multipart upload of several files,
     * whose token arrives among the parts) and is therefore marked {@link CsrfExempt}.
     */
    public static boolean accepts(HttpRequest<?> request, @Nullable String submitted) {
        String expected = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(SESSION_ATTRIBUTE))
                .map(String::valueOf)
                .orElse(null);
        return matches(expected, submitted);
    }

    static boolean matches(@Nullable String expected, @Nullable String submitted) {
        return expected != null && submitted != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }
}

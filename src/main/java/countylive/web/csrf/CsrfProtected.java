package countylive.web.csrf;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every POST handled by the annotated controller must carry the session's CSRF token, as a
 * {@link CsrfForm} body or a {@code csrf} part. The token is checked once the body is bound,
 * not in an HTTP filter: Micronaut's CSRF filter fails on bodies that arrive after the headers
 * (micronaut-security #1984).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
@Type(CsrfInterceptor.class)
public @interface CsrfProtected {
}

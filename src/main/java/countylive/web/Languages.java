package countylive.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: the {@code locale} cookie of the language switch when it holds one of
 * the two tags the switch sets, Chinese for anything else or no cookie. The cookie is compared as
 * text, never parsed: Micronaut's cookie resolver parses it as a locale and throws on text such as
 * {@code en%20}, and since a page's language is looked up while the page is written out, that
 * exception left the request without any answer. The browser's Accept-Language is not asked
 * (see {@link AcceptLanguageFilter}): clerks work in Chinese unless they switch.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class Languages implements HttpLocaleResolver {

    public static final String COOKIE = "locale";
    public static final String CHINESE_TAG = "zh-CN";
    public static final String ENGLISH_TAG = "en";

    @Override
    public @NonNull Optional<Locale> resolve(@NonNull HttpRequest<?> request) {
        return Optional.of(resolveOrDefault(request));
    }

    @Override
    public @NonNull Locale resolveOrDefault(@NonNull HttpRequest<?> request) {
        String tag = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        return ENGLISH_TAG.equals(supportedTag(tag)) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The tag itself when it is one of the two languages, else Chinese's. */
    public static String supportedTag(@Nullable String tag) {
        return ENGLISH_TAG.equals(tag) ? ENGLISH_TAG : CHINESE_TAG;
    }
}

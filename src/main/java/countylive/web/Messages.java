package countylive.web;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.core.util.LocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;

/** Texts in the language of the request, for messages built in code (form errors, flashes). */
@Singleton
public class Messages {

    private final MessageSource source;
    private final LocaleResolver<HttpRequest<?>> locales;

    Messages(MessageSource source, LocaleResolver<HttpRequest<?>> locales) {
        this.source = source;
        this.locales = locales;
    }

    public Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }

    public String get(HttpRequest<?> request, String key, Object... arguments) {
        return get(locale(request), key, arguments);
    }

    public String get(Locale locale, String key, Object... arguments) {
        return source.getMessage(key, key, locale, arguments);
    }
}

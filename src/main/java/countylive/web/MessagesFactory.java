package countylive.web;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The UI texts. Each feature keeps its own bundle in {@code i18n/} ({@code <feature>_zh} is the
 * default language, {@code <feature>_en} English); a test keeps every pair's keys in step.
 */
@Factory
class MessagesFactory {

    /** The bundles, in lookup order. */
    static final List<String> BUNDLES = List.of(
            "messages", "account", "audit", "region", "campaign", "official", "host", "product", "livestream",
            "sale", "household", "ledger", "summary", "excel", "signoff", "trace", "integrity");

    @Singleton
    @Primary
    MessageSource messageSource() {
        List<MessageSource> sources = BUNDLES.stream()
                .filter(name -> MessagesFactory.class.getClassLoader().getResource("i18n/" + name + "_zh.properties") != null)
                .map(name -> (MessageSource) new ResourceBundleMessageSource("i18n." + name))
                .toList();
        return new AbstractMessageSource() {
            @Override
            public @NonNull Optional<String> getRawMessage(@NonNull String code, @NonNull MessageContext context) {
                for (MessageSource source : sources) {
                    Optional<String> message = source.getRawMessage(code, context);
                    if (message.isPresent()) {
                        return message;
                    }
                }
                return Optional.empty();
            }
        };
    }
}

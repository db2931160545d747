package countylive.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The UI texts: {@code i18n/messages_zh} (the default) and {@code i18n/messages_en}, kept in step. */
@Factory
class MessagesFactory {

    @Singleton
    MessageSource messageSource() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}

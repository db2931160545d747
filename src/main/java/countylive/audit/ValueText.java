package countylive.audit;

import countylive.web.Figures;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One stored value of the trail as a reader of the page's language reads it: labels for codes,
 * names for ids, ¥ and separators for figures, minutes for times. A value that does not parse as
 * its field says (an old entry, a hand-made one) is shown as stored rather than hidden.
 */
final class ValueText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Locale locale;
    private final MessageSource messages;
    private final Figures figures;
    private final Names names;

    ValueText(Locale locale, MessageSource messages, Figures figures, Names names) {
        this.locale = locale;
        this.messages = messages;
        this.figures = figures;
        this.names = names;
    }

    /** The value as shown; null for no value (null or blank). */
    @Nullable String show(AuditedField field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (field.shape()) {
            case TEXT -> raw;
            case MONEY -> decimal(raw) == null ? raw : figures.money(decimal(raw));
            case COUNT -> decimal(raw) == null ? raw : figures.count(decimal(raw));
            case YES_NO -> yesNo(raw);
            case DATE_TIME -> dateTime(raw);
            case LABEL -> text(field.labels() + raw).orElse(raw);
            case NAME -> name(field.names(), raw.strip());
            case NAMES -> ReadableHistory.ids(raw)
                    .map(id -> name(field.names(), id))
                    .collect(Collectors.joining(listSeparator()));
        };
    }

    /** What a message says in this language, if there is one. */
    Optional<String> text(String key, Object... arguments) {
        return messages.getMessage(key, locale, arguments);
    }

    /** A record's name, or its id with a note that it no longer exists. */
    String name(@Nullable RecordType type, String id) {
        return type == null ? id : names.of(type, id).orElseGet(() -> gone(id));
    }

    /** A record's name, if it still exists. */
    Optional<String> existingName(RecordType type, String id) {
        return names.of(type, id);
    }

    private String gone(String id) {
        return text("history.gone", "#" + id).orElse("#" + id);
    }

    private String yesNo(String raw) {
        return switch (raw) {
            case "true" -> text("history.yes").orElse(raw);
            case "false" -> text("history.no").orElse(raw);
            default -> raw;
        };
    }

    private static String dateTime(String raw) {
        try {
            return LocalDateTime.parse(raw).format(MINUTES);
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    private static @Nullable BigDecimal decimal(String raw) {
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 李佳、王五 in Chinese; Li Jia, Wang Wu in English. */
    private String listSeparator() {
        return "zh".equals(locale.getLanguage()) ? "、" : ", ";
    }
}

package countylive.web.form;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects what is wrong with a submitted form, field by field, as message keys with arguments.
 * The read methods return the parsed value, or null after noting the problem, so a form is
 * checked in one pass and every problem is shown at once.
 */
public final class FormErrors {

    /** One problem: a message key and its arguments. */
    public record Problem(String key, List<Object> arguments) {
    }

    private final Map<String, Problem> problems = new LinkedHashMap<>();

    public void add(String field, String key, Object... arguments) {
        problems.putIfAbsent(field, new Problem(key, List.of(arguments)));
    }

    public boolean has(String field) {
        return problems.containsKey(field);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public Map<String, Problem> problems() {
        return problems;
    }

    /** Required text of at most {@code maxLength} characters. */
    public @Nullable String required(String field, @Nullable String raw, int maxLength) {
        String value = optional(field, raw, maxLength);
        if (value == null && !has(field)) {
            add(field, "input.required");
        }
        return value;
    }

    /** Optional text of at most {@code maxLength} characters; empty becomes null. */
    public @Nullable String optional(String field, @Nullable String raw, int maxLength) {
        String value = Input.name(raw);
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            add(field, "input.tooLong", maxLength);
            return null;
        }
        if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "input.controlCharacters");
            return null;
        }
        return value;
    }

    public @Nullable BigDecimal money(String field, @Nullable String raw, boolean required) {
        return read(field, raw, required, Input::money);
    }

    public @Nullable Long count(String field, @Nullable String raw, boolean required) {
        return read(field, raw, required, Input::count);
    }

    public @Nullable LocalDate date(String field, @Nullable String raw, boolean required) {
        return read(field, raw, required, Input::date);
    }

    public @Nullable LocalTime time(String field, @Nullable String raw, boolean required) {
        return read(field, raw, required, Input::time);
    }

    /** One of an enum's constants, by name. */
    public <E extends Enum<E>> @Nullable E choice(String field, @Nullable String raw, Class<E> type, boolean required) {
        return read(field, raw, required, value -> {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new Input.InvalidInput("input.choice");
            }
        });
    }

    private <T> @Nullable T read(String field, @Nullable String raw, boolean required, Function<String, T> parser) {
        try {
            T value = Input.text(raw) == null ? null : parser.apply(raw);
            if (value == null && required) {
                add(field, "input.required");
            }
            return value;
        } catch (Input.InvalidInput e) {
            add(field, e.messageKey());
            return null;
        }
    }
}

package countylive.web.form;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads what people type into forms. Input is NFKC-normalised first, so full-width digits and
 * punctuation from a Chinese input method (１２３４，５) read like their ASCII forms.
 */
public final class Input {

    /** Digits with optional thousands separators in groups of three, and up to two decimals. */
    private static final Pattern MONEY = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");
    private static final Pattern MONEY_ANY_DECIMALS = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern COUNT = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)");
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    public static final long MAX_COUNT = 999_999_999_999L;

    private Input() {
    }

    /** Trimmed and normalised text; empty becomes null. */
    public static @Nullable String text(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        return value.isEmpty() ? null : value;
    }

    /** Normalised text with the original inner characters but no NFKC changes: for names. */
    public static @Nullable String name(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * Yuan with at most two decimals, not negative. Accepts {@code 1234.5}, {@code 1,234.50} and
     * {@code １２３４}; refuses {@code abc}, {@code 1e3}, {@code -1} and {@code 12.345}.
     *
     * @throws InvalidInput with the message key that says what is wrong
     */
    public static @Nullable BigDecimal money(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        value = value.replace("¥", "").replace("￥", "").strip();
        if (value.startsWith("-")) {
            throw new InvalidInput("input.negative");
        }
        if (!MONEY.matcher(value).matches()) {
            throw new InvalidInput(MONEY_ANY_DECIMALS.matcher(value).matches() ? "input.moneyDecimals" : "input.money");
        }
        BigDecimal amount = new BigDecimal(value.replace(",", "")).setScale(2);
        if (amount.compareTo(MAX_MONEY) > 0) {
            throw new InvalidInput("input.tooLarge");
        }
        return amount;
    }

    /** A whole number that is not negative (units, orders, audience figures). */
    public static @Nullable Long count(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        if (value.startsWith("-")) {
            throw new InvalidInput("input.negative");
        }
        if (!COUNT.matcher(value).matches()) {
            throw new InvalidInput("input.count");
        }
        String digits = value.replace(",", "");
        if (digits.length() > 12 || Long.parseLong(digits) > MAX_COUNT) {
            throw new InvalidInput("input.tooLarge");
        }
        return Long.parseLong(digits);
    }

    /** An ISO date (yyyy-MM-dd), as the browser's date field sends it. */
    public static @Nullable LocalDate date(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("input.date");
        }
    }

    /** A time of day (HH:mm), as the browser's time field sends it. */
    public static @Nullable LocalTime time(@Nullable String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("input.time");
        }
    }

    /** Input that cannot be read; the message key says why. */
    public static final class InvalidInput extends RuntimeException {

        private final String messageKey;

        public InvalidInput(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}

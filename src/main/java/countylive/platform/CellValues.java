package countylive.platform;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a platform export as its cells show them: money as {@code ¥236,552} or
 * {@code 1.2万}, percentages as {@code 0.68%}, durations as {@code 1时2分5秒}, times as
 * {@code 2026/07/28 08:15:49}, a start and an end in one cell, and {@code -} (or nothing) for
 * "not reported", which is null here and blank in County Live, never zero.
 */
final class CellValues {

    /** A cell that does not read as what its column holds: the message key says what was expected. */
    static final class BadValue extends Exception {

        private final String messageKey;

        BadValue(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** A start and an end read from one cell. */
    record Span(LocalDateTime start, LocalDateTime end) {
    }

    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)\\s*(?:天|d))?\\s*(?:(\\d+)\\s*(?:时|小时|h))?\\s*(?:(\\d+)\\s*(?:分钟|分|m|min))?\\s*(?:(\\d+)\\s*(?:秒|s))?");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})[/.\\-年](\\d{1,2})[/.\\-月](\\d{1,2})日?(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);
    /** Excel counts days from 1899-12-30. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellValues() {
    }

    /** Whether the platform left the value out: an empty cell, {@code -}, {@code --} or {@code —}. */
    static boolean notReported(@Nullable String raw) {
        String text = clean(raw);
        return text.isEmpty() || text.matches("[-－—–]+") || text.equalsIgnoreCase("null") || text.equals("N/A");
    }

    /** An amount in yuan with at most two decimals: {@code ¥236,552}, {@code 1.2万}, {@code 236552.5}. */
    static @Nullable BigDecimal money(@Nullable String raw) throws BadValue {
        if (notReported(raw)) {
            return null;
        }
        BigDecimal amount = scaled(clean(raw).replaceFirst("^[¥￥]", "").replaceFirst("元$", ""), "platform.value.money");
        if (amount.signum() < 0) {
            throw new BadValue("platform.value.money");
        }
        // 1.23456万 is 12345.6: a value the platform rounded is kept to the fen
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A whole count: {@code 12,345}, {@code 1.2万}; a fraction is refused. */
    static @Nullable Long count(@Nullable String raw) throws BadValue {
        if (notReported(raw)) {
            return null;
        }
        BigDecimal value = scaled(clean(raw).replaceFirst("[人次件笔个]$", ""), "platform.value.count");
        try {
            if (value.signum() < 0) {
                throw new BadValue("platform.value.count");
            }
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue("platform.value.count");
        }
    }

    /** A percentage as the platform shows it, {@code 0.68%}, kept as a number of percent (0.68). */
    static @Nullable BigDecimal percent(@Nullable String raw) throws BadValue {
        if (notReported(raw)) {
            return null;
        }
        String text = clean(raw);
        try {
            return text.endsWith("%") ? new BigDecimal(text.substring(0, text.length() - 1).trim())
                    : new BigDecimal(text).multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new BadValue("platform.value.percent");
        }
    }

    /** A duration in seconds: {@code 1时2分5秒}, {@code 1分5秒}, {@code 65秒}, {@code 00:01:05}, or plain seconds. */
    static @Nullable Long seconds(@Nullable String raw) throws BadValue {
        if (notReported(raw)) {
            return null;
        }
        String text = clean(raw).replace(" ", "");
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            long first = Long.parseLong(clock.group(1));
            long second = Long.parseLong(clock.group(2));
            return clock.group(3) == null ? first * 60 + second : first * 3600 + second * 60 + Long.parseLong(clock.group(3));
        }
        if (text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        Matcher parts = DURATION.matcher(text);
        if (!parts.matches() || text.isEmpty()) {
            throw new BadValue("platform.value.duration");
        }
        long total = 0;
        long[] unit = {86_400, 3_600, 60, 1};
        for (int group = 1; group <= 4; group++) {
            if (parts.group(group) != null) {
                total += Long.parseLong(parts.group(group)) * unit[group - 1];
            }
        }
        return total;
    }

    /** A date and time: {@code 2026/07/28 08:15:49}, {@code 2026-07-28 08:15}, or Excel's day number. */
    static @Nullable LocalDateTime time(@Nullable String raw) throws BadValue {
        if (notReported(raw)) {
            return null;
        }
        String text = clean(raw);
        if (text.matches("\\d{5}(\\.\\d+)?")) {
            // a date cell: Excel's days since 1899-12-30, the fraction the time of day
            BigDecimal days = new BigDecimal(text);
            long seconds = days.subtract(new BigDecimal(days.toBigInteger())).multiply(BigDecimal.valueOf(86_400))
                    .setScale(0, RoundingMode.HALF_UP).longValue();
            return EXCEL_EPOCH.plusDays(days.longValue()).atStartOfDay().plusSeconds(seconds);
        }
        Matcher matcher = DATE_TIME.matcher(text);
        if (!matcher.matches()) {
            throw new BadValue("platform.value.time");
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
            if (matcher.group(4) == null) {
                return day.atStartOfDay();
            }
            return day.atTime(LocalTime.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                    matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6))));
        } catch (java.time.DateTimeException e) {
            throw new BadValue("platform.value.time");
        }
    }

    /**
     * A start and end in one cell, {@code 2026/07/28 08:15:49-2026/07/28 15:44:39} (also with
     * {@code ~}, {@code 至} or an end that gives only the time of day).
     */
    static @Nullable Span span(@Nullable String raw) throws BadValue {
        if (notReported(raw)) {
            return null;
        }
        String text = clean(raw);
        Matcher first = DATE_TIME.matcher(text);
        if (!first.lookingAt()) {
            throw new BadValue("platform.value.span");
        }
        LocalDateTime start = time(first.group());
        String rest = text.substring(first.end()).trim().replaceFirst("^(?:-|~|～|至|到|—|－)\\s*", "");
        if (rest.isEmpty()) {
            throw new BadValue("platform.value.span");
        }
        LocalDateTime end;
        Matcher clock = CLOCK.matcher(rest);
        if (clock.matches()) {
            end = start.toLocalDate().atTime(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)),
                    clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)));
            if (!end.isAfter(start)) {
                end = end.plusDays(1);
            }
        } else {
            end = time(rest);
        }
        return new Span(start, end);
    }

    /** The text of a cell: full-width characters as ASCII (NFKC), no surrounding blanks. */
    static String clean(@Nullable String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    /** A number with separators and an optional 万 or 亿. */
    private static BigDecimal scaled(String text, String key) throws BadValue {
        String number = text.replace(",", "").replace(" ", "");
        BigDecimal factor = BigDecimal.ONE;
        if (number.endsWith("万")) {
            factor = TEN_THOUSAND;
            number = number.substring(0, number.length() - 1);
        } else if (number.endsWith("亿")) {
            factor = HUNDRED_MILLION;
            number = number.substring(0, number.length() - 1);
        }
        if (number.startsWith("¥")) {
            number = number.substring(1);
        }
        try {
            return new BigDecimal(number).multiply(factor);
        } catch (NumberFormatException e) {
            throw new BadValue(key);
        }
    }

}

package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.web.form.Input;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one rule set of a sale line, for every way one is entered: the sales grid, the import, and
 * the ledger, which checks again what it writes. The same bad value gives the same message
 * wherever it was typed. Fields are named {@code units}, {@code orders}, {@code gross} and
 * {@code refunds}.
 */
public final class SaleLineRules {

    /** An implied unit price below a fifth or above five times the reference is probably mistyped. */
    public static final BigDecimal FACTOR = BigDecimal.valueOf(5);

    /** A line exactly as typed (a spreadsheet's numbers as their plain text). */
    public record Typed(@Nullable String units, @Nullable String orders, @Nullable String gross,
                        @Nullable String refunds) {

        public boolean blank() {
            return Input.text(units) == null && Input.text(orders) == null && Input.text(gross) == null
                    && Input.text(refunds) == null;
        }
    }

    /** Where a line's problems go: the field, a message key and its arguments. */
    @FunctionalInterface
    public interface Problems {
        void add(String field, String key, Object... arguments);
    }

    private SaleLineRules() {
    }

    /**
     * Reads a line that is not blank: units, orders and gross are required, refunds count as 0
     * when left empty and may not exceed gross.
     *
     * @return the figures, or null when some field has a problem (each reported once)
     */
    public static @Nullable LineFigures read(Typed typed, Problems problems) {
        Long units = parse("units", typed.units(), true, Input::count, problems);
        Long orders = parse("orders", typed.orders(), true, Input::count, problems);
        BigDecimal gross = parse("gross", typed.gross(), true, Input::money, problems);
        BigDecimal refunds = Input.text(typed.refunds()) == null ? BigDecimal.ZERO.setScale(2)
                : parse("refunds", typed.refunds(), false, Input::money, problems);
        if (gross != null && refunds != null && refunds.compareTo(gross) > 0) {
            problems.add("refunds", "sale.refundsAboveGross");
            return null;
        }
        return units == null || orders == null || gross == null || refunds == null ? null
                : new LineFigures(units, orders, gross, refunds);
    }

    /**
     * The one warning of a line that is possible but probably mistyped, which the user may confirm
     * ("the figures are right"): its unit price far from the reference, more orders than units, or
     * both in one message, so that a confirmation always answers everything the user was shown.
     * Null when the line is plausible. The grid and the import both ask this, and the ledger again.
     */
    @Nullable
    public static Refusal.Problem warning(LineFigures figures, @Nullable BigDecimal reference) {
        Refusal.Problem price = priceWarning(figures, reference);
        Refusal.Problem orders = ordersWarning(figures);
        if (price != null && orders != null) {
            List<Object> arguments = new ArrayList<>(price.arguments());
            arguments.addAll(orders.arguments());
            return new Refusal.Problem("gross", "sale.priceAndOrdersWarning", arguments);
        }
        return price != null ? price : orders;
    }

    /**
     * The warning for a line with more orders than units (80 units, 95 orders): every order is at
     * least one unit, so the two figures were probably swapped or one mistyped. Null otherwise.
     */
    @Nullable
    public static Refusal.Problem ordersWarning(LineFigures figures) {
        if (figures.orders() <= figures.units()) {
            return null;
        }
        return new Refusal.Problem("orders", "sale.ordersWarning",
                List.of(Long.toString(figures.orders()), Long.toString(figures.units())));
    }

    /**
     * The warning for a line whose implied unit price is far from the product's reference price
     * (an extra zero is the commonest slip): the user may confirm it. Null when it is plausible or
     * there is nothing to judge by.
     */
    @Nullable
    public static Refusal.Problem priceWarning(LineFigures figures, @Nullable BigDecimal reference) {
        if (figures.units() <= 0 || reference == null || reference.signum() <= 0) {
            return null;
        }
        BigDecimal implied = unitPrice(figures.gross(), figures.units(), 10);
        if (implied.multiply(FACTOR).compareTo(reference) >= 0 && implied.compareTo(reference.multiply(FACTOR)) <= 0) {
            return null;
        }
        return new Refusal.Problem("gross", "sale.priceWarning",
                List.of(unitPrice(figures.gross(), figures.units(), 2).toPlainString(), reference.toPlainString()));
    }

    /** What the ledger checks again of every line it writes, whoever made it. */
    public static void check(LineFigures figures, @Nullable String field) {
        if (figures.units() < 0 || figures.orders() < 0 || figures.units() > Input.MAX_COUNT
                || figures.orders() > Input.MAX_COUNT) {
            throw Refusal.invalid(field, "input.count");
        }
        for (BigDecimal amount : List.of(figures.gross(), figures.refunds())) {
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(Input.MAX_MONEY) > 0) {
                throw Refusal.invalid(field, "input.money");
            }
        }
        if (figures.refunds().compareTo(figures.gross()) > 0) {
            throw Refusal.invalid(field, "sale.refundsAboveGross");
        }
    }

    private static BigDecimal unitPrice(BigDecimal gross, long units, int scale) {
        return gross.divide(BigDecimal.valueOf(units), scale, RoundingMode.HALF_UP);
    }

    private static <T> @Nullable T parse(String field, @Nullable String raw, boolean required,
                                         Function<String, T> parser, Problems problems) {
        try {
            T value = Input.text(raw) == null ? null : parser.apply(raw);
            if (value == null && required) {
                problems.add(field, "input.required");
            }
            return value;
        } catch (Input.InvalidInput e) {
            problems.add(field, e.messageKey());
            return null;
        }
    }
}

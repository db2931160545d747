package countylive.excel;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The unit-price check: a line whose gross ÷ units is below a fifth or above five times the
 * product's reference price is probably mistyped (an extra zero is the commonest slip). It warns;
 * the user may confirm.
 */
final class UnitPrice {

    private static final BigDecimal FACTOR = BigDecimal.valueOf(5);

    private UnitPrice() {
    }

    /** The warning's message key, or null when the price is plausible or cannot be judged. */
    static @Nullable String warning(@Nullable BigDecimal gross, @Nullable Long units, @Nullable BigDecimal reference) {
        if (gross == null || units == null || units == 0 || reference == null || reference.signum() == 0) {
            return null;
        }
        BigDecimal unitPrice = gross.divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP);
        if (unitPrice.multiply(FACTOR).compareTo(reference) < 0) {
            return "excel.import.priceLow";
        }
        if (unitPrice.compareTo(reference.multiply(FACTOR)) > 0) {
            return "excel.import.priceHigh";
        }
        return null;
    }
}

package countylive.sale;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The unit-price check of a sale line, for the grid and the import alike: a line whose gross ÷
 * units is below a fifth or above five times the product's reference price is probably mistyped
 * (an extra zero is the commonest slip). It warns; the user may confirm.
 */
public final class UnitPriceCheck {

    private static final BigDecimal FACTOR = BigDecimal.valueOf(5);

    private UnitPriceCheck() {
    }

    /** Whether the implied unit price is implausible; false when there is nothing to judge by. */
    public static boolean implausible(@Nullable BigDecimal gross, @Nullable Long units, @Nullable BigDecimal reference) {
        if (gross == null || units == null || units <= 0 || reference == null || reference.signum() <= 0) {
            return false;
        }
        BigDecimal implied = unitPrice(gross, units, 10);
        return implied.multiply(FACTOR).compareTo(reference) < 0 || implied.compareTo(reference.multiply(FACTOR)) > 0;
    }

    /** gross ÷ units, to the given number of decimals. */
    public static BigDecimal unitPrice(BigDecimal gross, long units, int scale) {
        return gross.divide(BigDecimal.valueOf(units), scale, RoundingMode.HALF_UP);
    }
}

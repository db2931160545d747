package countylive.ledger;

import java.math.BigDecimal;

/** What one session sold of one product: units, orders, gross sales and refunds in yuan. */
public record LineFigures(long units, long orders, BigDecimal gross, BigDecimal refunds) {

    boolean sameAs(LineFigures other) {
        return units == other.units && orders == other.orders && gross.compareTo(other.gross) == 0
                && refunds.compareTo(other.refunds) == 0;
    }
}

package countylive.sale;

import java.math.BigDecimal;

/** The four figures of a valid grid row. */
record SaleFigures(long units, long orders, BigDecimal gross, BigDecimal refunds) {
}

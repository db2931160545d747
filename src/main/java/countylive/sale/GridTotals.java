package countylive.sale;

import countylive.ledger.SaleLineRules.Typed;
import countylive.web.form.Input;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;

/**
 * The running totals of the sales grid's save bar, as the server renders them: the sum of every
 * cell that reads as a figure. A cell with a problem is left out (its message is under it), so the
 * bar shows what would be saved once it is corrected. The page's script keeps the same sums while
 * typing; without script, these are right after every save and every round trip.
 */
record GridTotals(long units, long orders, BigDecimal gross, BigDecimal refunds) {

    static GridTotals of(Collection<Typed> rows) {
        long units = 0;
        long orders = 0;
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        BigDecimal refunds = BigDecimal.ZERO.setScale(2);
        for (Typed row : rows) {
            units += readable(row.units(), Input::count, 0L);
            orders += readable(row.orders(), Input::count, 0L);
            gross = gross.add(readable(row.gross(), Input::money, BigDecimal.ZERO));
            refunds = refunds.add(readable(row.refunds(), Input::money, BigDecimal.ZERO));
        }
        return new GridTotals(units, orders, gross, refunds);
    }

    BigDecimal net() {
        return gross.subtract(refunds);
    }

    private static <T> T readable(String raw, Function<String, T> reader, T blank) {
        try {
            T value = reader.apply(raw);
            return value == null ? blank : value;
        } catch (Input.InvalidInput e) {
            return blank;
        }
    }
}

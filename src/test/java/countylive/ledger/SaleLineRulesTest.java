package countylive.ledger;

import countylive.web.form.Refusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rule set of a sale line, as the grid, the import and the ledger apply it. */
class SaleLineRulesTest {

    private final List<String> problems = new ArrayList<>();
    private final SaleLineRules.Problems sink = (field, key, arguments) -> problems.add(field + " " + key);

    private LineFigures read(String units, String orders, String gross, String refunds) {
        return SaleLineRules.read(new SaleLineRules.Typed(units, orders, gross, refunds), sink);
    }

    @Test
    void readsWhatPeopleTypeIncludingSeparatorsFullWidthDigitsAndAnEmptyRefund() {
        assertEquals(new LineFigures(1200, 1100, new BigDecimal("11800.50"), BigDecimal.ZERO.setScale(2)),
                read("1,200", "１１００", "¥11,800.5", ""));
        assertEquals(List.of(), problems);
    }

    @Test
    void namesEachBadFieldOnce() {
        assertNull(read("abc", "", "12.345", "-1"));
        assertEquals(List.of("units input.count", "orders input.required", "gross input.moneyDecimals",
                "refunds input.negative"), problems);
    }

    @Test
    void refundsMayNotExceedGross() {
        assertNull(read("10", "10", "100", "100.01"));
        assertEquals(List.of("refunds sale.refundsAboveGross"), problems);
    }

    @Test
    void warnsOfAUnitPriceFiveTimesOffTheReferenceAndNotAtTheBoundary() {
        BigDecimal reference = new BigDecimal("100.00");
        Refusal.Problem warning = SaleLineRules.priceWarning(figures(10, "10001.00"), reference);
        assertEquals("gross sale.priceWarning [1000.10, 100.00]", warning.field() + " " + warning.key() + " "
                + warning.arguments());
        assertNull(SaleLineRules.priceWarning(figures(10, "5000.00"), reference), "exactly five times");
        assertNull(SaleLineRules.priceWarning(figures(10, "200.00"), reference), "exactly a fifth");
        assertEquals("sale.priceWarning", SaleLineRules.priceWarning(figures(10, "199.99"), reference).key());
        assertNull(SaleLineRules.priceWarning(figures(0, "100.00"), reference), "no units: nothing to judge by");
        assertNull(SaleLineRules.priceWarning(figures(10, "1.00"), null), "no reference price");
    }

    @Test
    void warnsOfMoreOrdersThanUnitsAndOfBothProblemsInOneMessage() {
        BigDecimal reference = new BigDecimal("100.00");
        LineFigures moreOrders = new LineFigures(80, 95, new BigDecimal("8000.00"), BigDecimal.ZERO.setScale(2));
        Refusal.Problem warning = SaleLineRules.warning(moreOrders, reference);
        assertEquals("orders sale.ordersWarning [95, 80]", warning.field() + " " + warning.key() + " " + warning.arguments());
        assertNull(SaleLineRules.warning(new LineFigures(80, 80, new BigDecimal("8000.00"), BigDecimal.ZERO.setScale(2)),
                reference), "one unit an order is plausible");
        LineFigures both = new LineFigures(80, 95, new BigDecimal("80000.00"), BigDecimal.ZERO.setScale(2));
        Refusal.Problem twice = SaleLineRules.warning(both, reference);
        assertEquals("gross sale.priceAndOrdersWarning [1000.00, 100.00, 95, 80]",
                twice.field() + " " + twice.key() + " " + twice.arguments());
        assertEquals("sale.priceWarning", SaleLineRules.warning(figures(10, "10001.00"), reference).key());
    }

    @Test
    void theLedgerRefusesWhatNoFormWouldLetThrough() {
        Refusal refusal = assertThrows(Refusal.class, () -> SaleLineRules.check(
                new LineFigures(1, 1, new BigDecimal("10.00"), new BigDecimal("10.01")), "units.7"));
        assertEquals("units.7 sale.refundsAboveGross", refusal.problems().get(0).field() + " "
                + refusal.problems().get(0).key());
        assertThrows(Refusal.class, () -> SaleLineRules.check(new LineFigures(-1, 1, BigDecimal.TEN, BigDecimal.ZERO), null));
        assertThrows(Refusal.class, () -> SaleLineRules.check(new LineFigures(1, 1, new BigDecimal("1.005"),
                BigDecimal.ZERO), null));
    }

    private static LineFigures figures(long units, String gross) {
        return new LineFigures(units, units, new BigDecimal(gross), BigDecimal.ZERO.setScale(2));
    }
}

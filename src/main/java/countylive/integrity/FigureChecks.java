package countylive.integrity;

import countylive.ledger.SaleLineRules;

import java.util.List;

/**
 * Figures that are possible but unlikely, most often a slip of the keyboard: a unit price far
 * from the product's reference price (the grid warns of it too, and lets the coordinator
 * confirm it), more orders than units, a session that sold far more than its county's usual.
 */
final class FigureChecks {

    /** How many times its county's median a session's gross must exceed to be listed. */
    static final int OUTSIZED = 10;

    static final SqlCheck PRICE_FAR_FROM_REFERENCE = new SqlCheck("priceFarFromReference", Severity.WARNING,
            "/sessions/%s/sales", """
            SELECT l.session_id, p.name, co.name, l.units, l.gross, ROUND(l.gross / l.units, 2), p.reference_price
            FROM sale_line l JOIN product p ON p.id = l.product_id JOIN county co ON co.code = l.county_code
            WHERE p.reference_price > 0 AND l.units > 0
              AND (l.gross > l.units * p.reference_price * ? OR l.gross * ? < l.units * p.reference_price)
            ORDER BY l.session_id, l.product_id""",
            List.of(SaleLineRules.FACTOR, SaleLineRules.FACTOR));

    static final SqlCheck ORDERS_ABOVE_UNITS = new SqlCheck("ordersAboveUnits", Severity.WARNING, "/sessions/%s/sales", """
            SELECT l.session_id, p.name, co.name, l.orders, l.units
            FROM sale_line l JOIN product p ON p.id = l.product_id JOIN county co ON co.code = l.county_code
            WHERE l.orders > l.units
            ORDER BY l.session_id, l.product_id""");

    /**
     * The median of each county's sessions with sales (window functions: MySQL 8 and MariaDB 10.2+
     * both have them, neither has a MEDIAN that both share); a county needs three such sessions
     * for its median to say anything.
     */
    static final SqlCheck OUTSIZED_SESSION = new SqlCheck("outsizedSession", Severity.WARNING, "/sessions/%s/sales", """
            SELECT t.session_id, co.name, t.gross, ROUND(m.median, 2)
            FROM session_sales t
            JOIN (SELECT county_code, AVG(gross) AS median
                  FROM (SELECT county_code, gross,
                               ROW_NUMBER() OVER (PARTITION BY county_code ORDER BY gross) AS position,
                               COUNT(*) OVER (PARTITION BY county_code) AS sessions
                        FROM session_sales) ranked
                  WHERE sessions >= 3 AND position IN (FLOOR((sessions + 1) / 2), CEIL((sessions + 1) / 2))
                  GROUP BY county_code) m ON m.county_code = t.county_code
            JOIN county co ON co.code = t.county_code
            WHERE m.median > 0 AND t.gross > m.median * ?
            ORDER BY t.gross DESC, t.session_id""", List.of(OUTSIZED));

    private FigureChecks() {
    }
}

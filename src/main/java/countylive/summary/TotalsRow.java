package countylive.summary;

import countylive.excel.Cells;
import countylive.excel.Styles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;

/**
 * The totals row below a breakdown table: for each column that adds up, a SUBTOTAL of the rows
 * above, which counts only the rows a filter leaves visible (as an Excel table's total row does);
 * its cached result is the exact sum, so a reader that does not calculate shows it too.
 * The row lies outside the filtered range, so sorting the table never moves it among the rows.
 */
final class TotalsRow {

    /** SUBTOTAL's function number for a sum that leaves out rows hidden by a filter. */
    private static final int SUM_OF_VISIBLE = 109;

    /**
     * The running sums of a table's columns. A column that does not add up is never given a
     * value; one whose values are all blank (views nobody reported) keeps a blank total.
     */
    static final class Sums {
        private final BigDecimal[] sums;
        private final CellStyle[] styles;

        Sums(int columns) {
            sums = new BigDecimal[columns];
            styles = new CellStyle[columns];
        }

        /** Adds a value written to the table with the given style. */
        void add(int column, BigDecimal value, CellStyle style) {
            sums[column] = sums[column] == null ? value : sums[column].add(value);
            styles[column] = style;
        }
    }

    private TotalsRow() {
    }

    /**
     * Writes the totals of rows {@code firstRow..lastRow} into row {@code at}, its label in the first column.
     */
    static void write(Sheet sheet, int at, int firstRow, int lastRow, Sums sums, String label, Styles styles) {
        Row row = sheet.createRow(at);
        Cells.header(row, 0, label, styles.header());
        for (int c = 1; c < sums.sums.length; c++) {
            BigDecimal sum = sums.sums[c];
            if (sum == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (lastRow >= firstRow) {
                String range = new CellRangeAddress(firstRow, lastRow, c, c).formatAsString();
                cell.setCellFormula("SUBTOTAL(" + SUM_OF_VISIBLE + "," + range + ")");
            }
            // on a formula cell this is the cached result
            cell.setCellValue(sum.doubleValue());
            cell.setCellStyle(sums.styles[c]);
        }
    }
}

package countylive.excel;

import io.micronaut.core.annotation.Nullable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes cells the way every County Live workbook does: numbers as numeric cells with a number
 * format, blanks left blank, and text that could be read as a formula (=, +, -, @, tab, CR)
 * marked as literal text (Excel's quote prefix), so no spreadsheet program ever runs it.
 */
public final class Cells {

    private Cells() {
    }

    public static void text(Row row, int column, @Nullable String value, Styles styles) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(looksLikeFormula(value) ? styles.literalText() : styles.text());
    }

    public static void money(Row row, int column, @Nullable BigDecimal value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        // exact: a DECIMAL(14,2) has at most 14 significant digits, within a double's 15
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(styles.money());
    }

    public static void count(Row row, int column, @Nullable Long value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.count());
    }

    public static void decimal(Row row, int column, @Nullable BigDecimal value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(styles.decimal());
    }

    public static void date(Row row, int column, @Nullable LocalDate value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.date());
    }

    public static void dateTime(Row row, int column, @Nullable LocalDateTime value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.dateTime());
    }

    public static void header(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Text a spreadsheet would take for a formula or a command if typed in. */
    static boolean looksLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}

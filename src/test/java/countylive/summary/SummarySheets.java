package countylive.summary;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads the tables of a summary workbook's sheets: the rows of a table are those its filter
 * covers below the header row; what follows (a totals row, a note) lies outside it.
 */
final class SummarySheets {

    private SummarySheets() {
    }

    /** The table's rows, without its header row and without its totals row. */
    static List<Row> tableRows(Sheet sheet) {
        CellRangeAddress filtered = filtered(sheet);
        List<Row> rows = new ArrayList<>();
        for (int r = filtered.getFirstRow() + 1; r <= filtered.getLastRow(); r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    /** The row just below the table, whatever it holds. */
    static Row belowTable(Sheet sheet) {
        return sheet.getRow(filtered(sheet).getLastRow() + 1);
    }

    /** The totals row, checked to be labelled as one. */
    static Row totalsRow(Sheet sheet, String label) {
        Row totals = belowTable(sheet);
        assertEquals(label, totals.getCell(0).getStringCellValue(), sheet.getSheetName() + ": totals row");
        return totals;
    }

    /** The column whose header reads {@code label}. */
    static int column(Sheet sheet, String label) {
        Row header = sheet.getRow(filtered(sheet).getFirstRow());
        for (Cell cell : header) {
            if (cell.getStringCellValue().equals(label)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + label + " on " + sheet.getSheetName());
    }

    private static CellRangeAddress filtered(Sheet sheet) {
        var filter = ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter();
        return CellRangeAddress.valueOf(filter.getRef());
    }
}

package countylive.support;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Fills a sheet's rows as a user types them: numbers as numbers, anything else as text, nulls left empty. */
public final class SheetFill {

    private SheetFill() {
    }

    /** Writes the rows below the sheet's header, from its second row on. */
    public static void belowHeader(Sheet sheet, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                Object value = rows[r][c];
                if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
    }
}

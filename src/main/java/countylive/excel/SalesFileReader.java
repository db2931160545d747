package countylive.excel;

import countylive.ledger.LineFigures;
import countylive.ledger.SaleLineRules;
import countylive.ledger.SalesFile;
import countylive.web.form.Input;
import io.micronaut.core.annotation.Nullable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the data sheet of an uploaded sales workbook into a {@link SalesFile}: per row the
 * session and product picked from the template's drop-downs and the figures, read by the sale-line
 * rules of the grid ({@link SaleLineRules}) so that the same bad value gives the same message.
 * Cells are read as the user sees them: a number cell as its plain digits. Checking the rows
 * against the campaign's sessions and products is the ledger's, in the transaction that writes them.
 */
final class SalesFileReader {

    static final int MAX_ROWS = 100_000;
    /** Beyond this many problems the report would not help: reading stops and says so. */
    static final int MAX_PROBLEMS = 1_000;
    /** The columns of the data sheet, by the field names of the ledger's problems. */
    static final List<String> FIELDS = List.of("session", "product", "units", "orders", "gross", "refunds", "onBehalf");
    /** The leading id of a drop-down entry such as "123 · 2020-04-10 19:00". */
    private static final Pattern LEADING_ID = Pattern.compile("^\\s*(\\d{1,18})\\b.*", Pattern.DOTALL);
    private static final Set<String> YES = Set.of("是", "yes", "y", "true", "1", "代销");

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final List<SalesFile.Row> rows = new ArrayList<>();
    private final List<SalesFile.RowProblem> problems = new ArrayList<>();

    private SalesFileReader() {
    }

    /** The file's rows and the problems of its cells; nothing is checked against the database here. */
    static SalesFile read(Workbook workbook, long campaignId, String countyCode, String fileName, String sha256,
                          boolean warningsConfirmed) {
        SalesFileReader reader = new SalesFileReader();
        reader.readSheet(workbook.getNumberOfSheets() > 1 ? workbook.getSheetAt(1) : workbook.getSheetAt(0));
        return new SalesFile(campaignId, countyCode, fileName, sha256, reader.rows, reader.problems, warningsConfirmed);
    }

    private void readSheet(Sheet sheet) {
        int dataRows = 0;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || isBlank(row)) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                problems.add(new SalesFile.RowProblem(r + 1, "session", "excel.import.tooManyRows", List.of(MAX_ROWS), false));
                return;
            }
            if (problems.size() >= MAX_PROBLEMS) {
                problems.add(new SalesFile.RowProblem(r + 1, "session", "excel.import.tooManyProblems",
                        List.of(MAX_PROBLEMS), false));
                return;
            }
            readRow(row, r + 1);
        }
    }

    private void readRow(Row row, int number) {
        Set<String> flagged = new HashSet<>();
        SaleLineRules.Problems report = (field, key, arguments) -> {
            // one problem per cell: the first is the one to fix
            if (flagged.add(field)) {
                problems.add(new SalesFile.RowProblem(number, field, key, List.of(arguments), false));
            }
        };
        Long session = id(row, 0, report);
        Long product = id(row, 1, report);
        LineFigures figures = SaleLineRules.read(new SaleLineRules.Typed(text(row, 2), text(row, 3), text(row, 4),
                text(row, 5)), report);
        String onBehalf = text(row, 6);
        rows.add(new SalesFile.Row(number, session, product,
                onBehalf != null && YES.contains(onBehalf.toLowerCase(Locale.ROOT)), figures));
    }

    private @Nullable Long id(Row row, int column, SaleLineRules.Problems report) {
        String value = text(row, column);
        if (value == null) {
            report.add(FIELDS.get(column), "input.required");
            return null;
        }
        Matcher matcher = LEADING_ID.matcher(value);
        if (!matcher.matches()) {
            report.add(FIELDS.get(column), "excel.import.pickFromList");
            return null;
        }
        return Long.parseLong(matcher.group(1));
    }

    /** A cell as its user sees it, a number as its plain digits (1.2E3 as 1200), trimmed; null when empty. */
    private @Nullable String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
            if (!org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
        }
        return Input.text(formatter.formatCellValue(cell));
    }

    private boolean isBlank(Row row) {
        for (int c = 0; c < FIELDS.size(); c++) {
            if (text(row, c) != null) {
                return false;
            }
        }
        return true;
    }
}

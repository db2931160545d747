package countylive.excel;

import countylive.ledger.LineFigures;
import countylive.ledger.SaleLineRules;
import countylive.ledger.SalesFile;
import countylive.web.form.Input;
import io.micronaut.core.annotation.Nullable;

import java.io.File;
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
 * The sheet is streamed ({@link SheetRows}); reading stops at {@link #MAX_ROWS} rows, at
 * {@link #MAX_PROBLEMS} problems, or at its deadline, and says so. Checking the rows against the
 * campaign's sessions and products is the ledger's, in the transaction that writes them.
 */
final class SalesFileReader {

    static final int MAX_ROWS = 100_000;
    /** Beyond this many problems the report would not help: reading stops and says so. */
    static final int MAX_PROBLEMS = 1_000;
    /** The columns of the data sheet, by the field names of the ledger's problems. */
    static final List<String> FIELDS = List.of("session", "product", "units", "orders", "gross", "refunds", "onBehalf");
    /**
     * The leading id of a drop-down entry such as "123 · 2020-04-10 19:00", matched at the start
     * of the cell only ({@link Matcher#lookingAt}): the rest of the entry is not scanned.
     */
    private static final Pattern LEADING_ID = Pattern.compile("\\s*(\\d{1,18})\\b");
    private static final Set<String> YES = Set.of("是", "yes", "y", "true", "1", "代销");

    /** Reading took longer than an import may. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super(null, null, false, false);
        }
    }

    private final long deadline;
    private final List<SalesFile.Row> rows = new ArrayList<>();
    private final List<SalesFile.RowProblem> problems = new ArrayList<>();

    private SalesFileReader(long deadline) {
        this.deadline = deadline;
    }

    /**
     * The file's rows and the problems of its cells; nothing is checked against the database here.
     *
     * @param deadline {@link System#nanoTime()} by which reading must have ended
     * @throws TooSlow when it has not
     */
    static SalesFile read(File workbook, long campaignId, String countyCode, String fileName, String sha256,
                          boolean warningsConfirmed, long deadline) throws Exception {
        SalesFileReader reader = new SalesFileReader(deadline);
        SheetRows.read(workbook, FIELDS.size(), reader::row);
        return new SalesFile(campaignId, countyCode, fileName, sha256, reader.rows, reader.problems, warningsConfirmed);
    }

    /** One row of the sheet; false once reading should stop. */
    private boolean row(int number, @Nullable String[] cells) {
        if (number == 1) {
            return true; // the header
        }
        if (System.nanoTime() > deadline) {
            throw new TooSlow();
        }
        if (rows.size() >= MAX_ROWS) {
            problems.add(new SalesFile.RowProblem(number, "session", "excel.import.tooManyRows", List.of(MAX_ROWS), false));
            return false;
        }
        if (problems.size() >= MAX_PROBLEMS) {
            problems.add(new SalesFile.RowProblem(number, "session", "excel.import.tooManyProblems",
                    List.of(MAX_PROBLEMS), false));
            return false;
        }
        Set<String> flagged = new HashSet<>();
        SaleLineRules.Problems report = (field, key, arguments) -> {
            // one problem per cell: the first is the one to fix
            if (flagged.add(field)) {
                problems.add(new SalesFile.RowProblem(number, field, key, List.of(arguments), false));
            }
        };
        Long session = id(cells, 0, report);
        Long product = id(cells, 1, report);
        LineFigures figures = SaleLineRules.read(new SaleLineRules.Typed(cells[2], cells[3], cells[4], cells[5]), report);
        String onBehalf = Input.text(cells[6]);
        rows.add(new SalesFile.Row(number, session, product,
                onBehalf != null && YES.contains(onBehalf.toLowerCase(Locale.ROOT)), figures));
        return true;
    }

    private static @Nullable Long id(@Nullable String[] cells, int column, SaleLineRules.Problems report) {
        String value = Input.text(cells[column]);
        if (value == null) {
            report.add(FIELDS.get(column), "input.required");
            return null;
        }
        Matcher matcher = LEADING_ID.matcher(value);
        if (!matcher.lookingAt()) {
            report.add(FIELDS.get(column), "excel.import.pickFromList");
            return null;
        }
        return Long.parseLong(matcher.group(1));
    }
}

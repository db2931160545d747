package countylive.ledger;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * An uploaded sales workbook as read, for the ledger to check and import: each data row with the
 * session and product it names and its figures, and the problems found in reading its cells.
 *
 * @param sha256           the file's hash: the same file is imported once per campaign county
 * @param warningsConfirmed the user confirmed the unit-price warnings of an earlier upload
 */
public record SalesFile(long campaignId, String countyCode, String fileName, String sha256, List<Row> rows,
                        List<RowProblem> readProblems, boolean warningsConfirmed) {

    /**
     * One data row. Null ids or figures: the cells could not be read (their problems are in
     * {@link #readProblems}).
     *
     * @param number   the row as the spreadsheet shows it (1-based)
     * @param onBehalf the row says the product is sold on behalf of another county
     */
    public record Row(int number, @Nullable Long sessionId, @Nullable Long productId, boolean onBehalf,
                      @Nullable LineFigures figures) {
    }

    /**
     * What is wrong with one cell, in the fields of {@link SaleLineRules} plus {@code session},
     * {@code product} and {@code onBehalf}.
     *
     * @param warning true for a unit price far from the reference: confirmable, not an error
     */
    public record RowProblem(int row, String field, String key, List<Object> arguments, boolean warning) {
    }
}

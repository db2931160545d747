package countylive.excel;

/**
 * What is wrong with one cell of an upload.
 *
 * @param rowNumber the row as the spreadsheet shows it (1-based)
 * @param column    the column letter, e.g. "E"
 * @param message   in the user's language
 * @param warning   true for a unit price far from the reference: confirmable, not an error
 */
public record ImportProblem(int rowNumber, String column, String message, boolean warning) {
}

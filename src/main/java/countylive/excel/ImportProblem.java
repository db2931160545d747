package countylive.excel;

/**
 * What is wrong with one cell of an upload.
 *
 * @param rowNumber the row as the spreadsheet shows it (1-based)
 * @param column     the column letter, e.g. "E": where the marked copy puts its comment
 * @param columnName the column's header in the template, in the user's language, e.g. "成交金额（元）":
 *                   what the report names, as a spreadsheet shows headers, not letters, first
 * @param message    in the user's language
 * @param warning    true for a line to confirm (unit price, orders): confirmable, not an error
 */
public record ImportProblem(int rowNumber, String column, String columnName, String message, boolean warning) {
}

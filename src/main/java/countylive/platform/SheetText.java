package countylive.platform;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sheet of an export as text, row by row: what the parsers read. The parsers never see a
 * workbook, so their tests build sheets in a line each.
 */
public record SheetText(String name, List<Row> rows) {

    /** A row as the spreadsheet numbers it (from 1), its cells from column A. */
    public record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() || cells.get(column) == null ? "" : cells.get(column);
        }

        boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    /** Where a value was read: the message names file, sheet, row and the column's header. */
    public record Place(String file, String sheet, int row, String header) {
    }

    /** The columns found in a header row, by their role, with the header row itself. */
    public record Header(Row row, Map<Column, Integer> columns) {

        @Nullable Integer index(Column column) {
            return columns.get(column);
        }

        String header(Column column) {
            Integer index = columns.get(column);
            return index == null ? column.header() : row.cell(index);
        }
    }

    /** A sheet made in a test or by a reader: rows of cells from row 1. */
    static SheetText of(String name, List<List<String>> rows) {
        List<Row> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new Row(i + 1, rows.get(i)));
        }
        return new SheetText(name, numbered);
    }

    /**
     * The header row: the first of the sheet's first rows that holds all the required columns
     * (a title or a note may come first). Null when no row does.
     */
    @Nullable Header header(List<Column> required, List<Column> optional) {
        for (Row row : rows.subList(0, Math.min(rows.size(), 15))) {
            Map<Column, Integer> found = columns(row, required, optional);
            if (found.keySet().containsAll(required)) {
                return new Header(row, found);
            }
        }
        return null;
    }

    /** The required columns the best header candidate lacks: what a message names. */
    List<Column> missing(List<Column> required) {
        List<Column> best = required;
        for (Row row : rows.subList(0, Math.min(rows.size(), 15))) {
            Map<Column, Integer> found = columns(row, required, List.of());
            List<Column> lacking = required.stream().filter(column -> !found.containsKey(column)).toList();
            if (lacking.size() < best.size()) {
                best = lacking;
            }
        }
        return best;
    }

    private static Map<Column, Integer> columns(Row row, List<Column> required, List<Column> optional) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        List<Column> wanted = new ArrayList<>(required);
        wanted.addAll(optional);
        for (Column column : wanted) {
            for (int index = 0; index < row.cells().size(); index++) {
                if (!found.containsValue(index) && column.matches(row.cell(index))) {
                    found.put(column, index);
                    break;
                }
            }
        }
        return found;
    }
}

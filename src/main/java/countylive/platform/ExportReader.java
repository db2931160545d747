package countylive.platform;

import countylive.excel.SheetRows;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a checked upload's sheets as text, streaming them as the sales import does
 * ({@link SheetRows}), within the import's time limit and a bound on rows: an export of one
 * session has a few hundred rows, a Taobao file a few thousand.
 */
final class ExportReader {

    static final int MAX_COLUMNS = 60;
    static final int MAX_ROWS = 20_000;

    /** The file took longer than an import may, or has more rows than any export. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private ExportReader() {
    }

    static Exports.File read(String name, File file, long deadline) throws Exception {
        Map<String, List<SheetText.Row>> sheets = new LinkedHashMap<>();
        int[] rows = new int[1];
        SheetRows.readAll(file, MAX_COLUMNS, (sheet, number, cells) -> {
            if (++rows[0] > MAX_ROWS || System.nanoTime() > deadline) {
                throw new TooLarge();
            }
            sheets.computeIfAbsent(sheet, key -> new ArrayList<>()).add(new SheetText.Row(number,
                    Arrays.asList(Arrays.copyOf(cells, lastUsed(cells)))));
            return true;
        });
        List<SheetText> texts = new ArrayList<>();
        sheets.forEach((sheet, list) -> texts.add(new SheetText(sheet, list)));
        return Exports.File.of(name, texts);
    }

    private static int lastUsed(String[] cells) {
        int last = cells.length;
        while (last > 0 && (cells[last - 1] == null || cells[last - 1].isBlank())) {
            last--;
        }
        return last;
    }
}

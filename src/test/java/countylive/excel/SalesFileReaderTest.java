package countylive.excel;

import countylive.ledger.LineFigures;
import countylive.support.SheetFill;
import countylive.ledger.SalesFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's data sheet, streamed: cells as their user sees them, the sale-line rules, the limits. */
class SalesFileReaderTest {

    @TempDir
    Path folder;

    @Test
    void readsTheSecondSheetsRowsWithTextAndNumbersAsTyped() throws Exception {
        File file = workbook(new Object[]{"12 · 2020-04-10", "7 · 英山云雾茶", 150, 120, 8850.5, null, "是"},
                new Object[]{null, null, null, null, null, null, null},
                new Object[]{"12 · x", "8 · x", "1,000", "abc", "12.345", 1e15, null});
        SalesFile read = SalesFileReader.read(file, 1, "421124", "f.xlsx", "sha", false, System.nanoTime() + 10_000_000_000L);
        assertEquals(2, read.rows().size(), "the header and the blank row are skipped");
        SalesFile.Row first = read.rows().get(0);
        assertEquals(2, first.number());
        assertEquals(12L, first.sessionId());
        assertEquals(7L, first.productId());
        assertTrue(first.onBehalf());
        assertEquals(new LineFigures(150, 120, new BigDecimal("8850.50"), new BigDecimal("0.00")), first.figures());
        SalesFile.Row third = read.rows().get(1);
        assertEquals(4, third.number());
        assertNull(third.figures());
        assertEquals(List.of("4 orders input.count", "4 gross input.moneyDecimals", "4 refunds input.tooLarge"),
                read.readProblems().stream().map(p -> p.row() + " " + p.field() + " " + p.key()).toList());
    }

    @Test
    void readsTheLeadingIdOfAPickedEntryOnlyAndEachRepeatedEntryAlike() throws Exception {
        // the same picked entries on several rows (one shared string each), and ids that are not ids
        File file = workbook(new Object[]{"12 · 2020-04-10 19:00", " 7 · 英山云雾茶", 1, 1, 10, 0, null},
                new Object[]{"12 · 2020-04-10 19:00", "8", 1, 1, 10, 0, null},
                new Object[]{"12 · 2020-04-10 19:00", " 7 · 英山云雾茶", 1, 1, 10, 0, null},
                new Object[]{"12abc · x", "x 7", 1, 1, 10, 0, null});
        SalesFile read = SalesFileReader.read(file, 1, "421124", "f.xlsx", "sha", false, System.nanoTime() + 10_000_000_000L);
        assertEquals(List.of("12/7", "12/8", "12/7", "null/null"), read.rows().stream()
                .map(row -> row.sessionId() + "/" + row.productId()).toList());
        assertEquals(List.of("5 session excel.import.pickFromList", "5 product excel.import.pickFromList"),
                read.readProblems().stream().map(p -> p.row() + " " + p.field() + " " + p.key()).toList());
    }

    @Test
    void stopsAfterAThousandProblemsAndSaysWhere() throws Exception {
        Object[][] rows = new Object[5_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"no id", "7 · x", 1, 1, 10, 0, null};
        }
        SalesFile read = SalesFileReader.read(workbook(rows), 1, "421124", "f.xlsx", "sha", false,
                System.nanoTime() + 10_000_000_000L);
        List<SalesFile.RowProblem> problems = read.readProblems();
        assertEquals(SalesFileReader.MAX_PROBLEMS + 1, problems.size());
        SalesFile.RowProblem last = problems.get(problems.size() - 1);
        assertEquals("excel.import.tooManyProblems", last.key());
        assertEquals(SalesFileReader.MAX_PROBLEMS + 2, last.row(), "rows 2 to 1001 had a problem each");
        assertEquals(SalesFileReader.MAX_PROBLEMS, read.rows().size(), "the rows after the stop are not read");
    }

    @Test
    void stopsAtItsDeadline() throws Exception {
        File file = workbook(new Object[]{"12 · x", "7 · x", 1, 1, 10, 0, null});
        assertThrows(SalesFileReader.TooSlow.class, () -> SalesFileReader.read(file, 1, "421124", "f.xlsx", "sha", false,
                System.nanoTime() - 1));
    }

    /** A template-shaped workbook: instructions first, then a header and these rows. */
    private File workbook(Object[]... rows) throws Exception {
        File file = folder.resolve("upload.xlsx").toFile();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); FileOutputStream out = new FileOutputStream(file)) {
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("instructions");
            var sheet = workbook.createSheet("销售");
            sheet.createRow(0).createCell(0).setCellValue("直播场次");
            SheetFill.belowHeader(sheet, rows);
            workbook.write(out);
        }
        return file;
    }
}

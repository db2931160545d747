package countylive.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every workbook the application hands out must be on paper and in words: each sheet A4
 * landscape, one page wide, its frozen header row repeated on each page, a footer with a title,
 * the page and the time; charts below their table, within its columns, their bars filled; and
 * no code such as DOUYIN or ACCEPTED where a reader expects words.
 */
public final class PrintChecks {

    /** An enumeration's code as the database keeps it: capitals and underscores. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{3,}");

    private PrintChecks() {
    }

    public static void check(XSSFWorkbook workbook) {
        for (var any : workbook) {
            XSSFSheet sheet = (XSSFSheet) any;
            String name = sheet.getSheetName();
            pageSetup(sheet, name);
            charts(sheet, name);
            words(sheet, name);
        }
    }

    private static void pageSetup(XSSFSheet sheet, String name) {
        PrintSetup setup = sheet.getPrintSetup();
        assertEquals(PrintSetup.A4_PAPERSIZE, setup.getPaperSize(), name + ": A4");
        assertTrue(setup.getLandscape(), name + ": landscape");
        assertTrue(sheet.getFitToPage(), name + ": scaled to fit");
        assertEquals(1, setup.getFitWidth(), name + ": one page wide");
        assertEquals(0, setup.getFitHeight(), name + ": as many pages high as needed");
        assertFalse(sheet.getFooter().getLeft().isBlank(), name + ": footer names the campaign or workbook");
        assertTrue(sheet.getFooter().getCenter().contains("&P") && sheet.getFooter().getCenter().contains("&N"),
                name + ": footer numbers the pages: " + sheet.getFooter().getCenter());
        assertTrue(sheet.getFooter().getRight().matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"),
                name + ": footer has the generation time: " + sheet.getFooter().getRight());
        PaneInformation pane = sheet.getPaneInformation();
        if (pane != null && pane.isFreezePane() && pane.getHorizontalSplitPosition() > 0) {
            // what stays on screen above the rows stays on paper above them
            CellRangeAddress repeated = sheet.getRepeatingRows();
            assertNotNull(repeated, name + ": header row repeated on each page");
            assertEquals(pane.getHorizontalSplitPosition() - 1, repeated.getLastRow(),
                    name + ": the frozen header row is the one repeated");
        }
    }

    private static void charts(XSSFSheet sheet, String name) {
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null) {
            return;
        }
        for (XSSFShape shape : drawing.getShapes()) {
            // the graphic frames of a summary sheet are its charts
            if (shape instanceof XSSFGraphicFrame frame) {
                XSSFClientAnchor anchor = frame.getAnchor();
                assertNotNull(sheet.getRepeatingRows(), name + ": a chart belongs below a table with a header row");
                int tableColumns = sheet.getRow(sheet.getRepeatingRows().getLastRow()).getLastCellNum();
                assertTrue(anchor.getCol2() <= tableColumns, name + ": the chart stays within the table's columns");
                assertTrue(anchor.getRow1() > sheet.getLastRowNum(), name + ": the chart lies below the table");
            }
        }
        for (XSSFChart chart : drawing.getCharts()) {
            for (CTBarChart bars : chart.getCTChart().getPlotArea().getBarChartArray()) {
                for (CTBarSer series : bars.getSerArray()) {
                    assertTrue(series.isSetSpPr() && series.getSpPr().isSetSolidFill()
                                    && series.getSpPr().getSolidFill().isSetSrgbClr(),
                            name + ": a chart series has an explicit solid fill");
                }
            }
        }
    }

    private static void words(XSSFSheet sheet, String name) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    String text = cell.getStringCellValue().strip();
                    assertFalse(CODE.matcher(text).matches(), name + " " + cell.getAddress() + " reads as a code: " + text);
                }
            }
        }
    }
}

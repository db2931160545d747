package countylive.summary;

import countylive.excel.PrintLayout;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChartSpace;

/**
 * A native column chart of one column of a table by another, placed below the table so that it
 * prints within the table's width, and on the table's first page when both fit there, else at
 * the top of a page of its own: never cut by a page break.
 */
final class NativeBarChart {

    /**
     * The bars' colour, #2E75B6. A series without an explicit fill is drawn by Excel in a theme
     * colour but by LibreOffice not at all (axes and categories, no bars). Nothing else in a
     * workbook uses this blue, so CI can look for it on the printed pages.
     */
    static final int RED = 0x2E;
    static final int GREEN = 0x75;
    static final int BLUE = 0xB6;

    /** The chart's height in rows of default height: about 7.5 cm. */
    static final int HEIGHT_ROWS = 14;
    /** About 16 cm wide when the table is as wide as that: wide enough for a month of days. */
    private static final int WIDTH_UNITS = 90;
    /** Fonts differ between spreadsheet programs: leave room for rows a little taller than estimated. */
    private static final double PAGE_SAFETY = 0.9;

    private NativeBarChart() {
    }

    /**
     * Draws the chart of rows {@code firstRow..lastRow}.
     *
     * @param freeRow      the first row below the table (and its totals) that the chart may take
     * @param tableColumns how many columns the table has: the chart stays within them
     */
    static void below(XSSFSheet sheet, String title, int firstRow, int lastRow, int labelColumn, int valueColumn,
                      int freeRow, int tableColumns) {
        if (lastRow < firstRow) {
            return;
        }
        int top = freeRow + 1;
        int rowsOnFirstPage = (int) (PrintLayout.rowsPerPage(sheet, tableColumns) * PAGE_SAFETY);
        if (top + HEIGHT_ROWS > rowsOnFirstPage) {
            // breaks after the given row: the chart starts a page of its own
            sheet.setRowBreak(top - 1);
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, columnsFor(sheet, tableColumns),
                top + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        // white behind the chart: the sheet's printed grid lines would otherwise show through it
        CTChartSpace space = chart.getCTChartSpace();
        new XDDFShapeProperties(space.isSetSpPr() ? space.getSpPr() : space.addNewSpPr()).setFillProperties(
                new XDDFSolidFillProperties(XDDFColor.from(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF})));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
        amounts.setNumberFormat("#,##0");
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, labelColumn, labelColumn));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, valueColumn, valueColumn));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, amounts);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(labels, values);
        series.setTitle(sheet.getRow(firstRow - 1).getCell(valueColumn).getStringCellValue(), null);
        // from bytes: an sRGB colour (XDDFColor.from(int, int, int) makes an scRGB one, in thousandths of a percent)
        XDDFSolidFillProperties fill = new XDDFSolidFillProperties(
                XDDFColor.from(new byte[]{(byte) RED, (byte) GREEN, (byte) BLUE}));
        series.setFillProperties(fill);
        series.setLineProperties(new XDDFLineProperties(fill));
        chart.plot(data);
    }

    /** The first columns whose widths add up to the chart's width, or all of the table's. */
    private static int columnsFor(XSSFSheet sheet, int tableColumns) {
        int width = 0;
        int columns = 0;
        while (columns < tableColumns && width < WIDTH_UNITS) {
            width += sheet.getColumnWidth(columns) / 256;
            columns++;
        }
        return columns;
    }
}

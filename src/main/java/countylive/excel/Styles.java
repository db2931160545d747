package countylive.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of a workbook, made once per workbook (Excel limits their number). */
public final class Styles {

    private final CellStyle text;
    private final CellStyle literalText;
    private final CellStyle money;
    private final CellStyle count;
    private final CellStyle decimal;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle header;
    private final CellStyle title;

    public Styles(Workbook workbook) {
        var formats = workbook.createDataFormat();
        text = workbook.createCellStyle();
        literalText = workbook.createCellStyle();
        literalText.setQuotePrefixed(true);
        money = workbook.createCellStyle();
        money.setDataFormat(formats.getFormat("\"¥\"#,##0.00"));
        count = workbook.createCellStyle();
        count.setDataFormat(formats.getFormat("#,##0"));
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(formats.getFormat("#,##0.00"));
        date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
    }

    public CellStyle text() {
        return text;
    }

    public CellStyle literalText() {
        return literalText;
    }

    public CellStyle money() {
        return money;
    }

    public CellStyle count() {
        return count;
    }

    public CellStyle decimal() {
        return decimal;
    }

    public CellStyle date() {
        return date;
    }

    public CellStyle dateTime() {
        return dateTime;
    }

    public CellStyle header() {
        return header;
    }

    public CellStyle title() {
        return title;
    }
}

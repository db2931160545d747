package countylive.excel;

import countylive.web.Messages;
import io.micronaut.core.annotation.Nullable;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every sheet of a County Live workbook prints: A4 landscape, scaled to one page wide and as
 * many pages high as it needs, the table's header row repeated on each page, and a footer naming
 * the campaign (or the workbook), the page and when the workbook was made. Without it a
 * spreadsheet program prints a wide table as columns on separate pages, the amounts apart from
 * the names they belong to.
 */
public final class PrintLayout {

    /** Excel keeps at most 255 characters of a footer, its codes included. */
    private static final int MAX_TITLE = 80;
    private static final double SIDE_MARGIN = 0.4;
    private static final double TOP_BOTTOM_MARGIN = 0.6;
    private static final double HEADER_FOOTER_MARGIN = 0.25;
    /** A4 landscape less the margins above, in points (297 × 210 mm). */
    private static final double PRINTABLE_WIDTH = 297 / 25.4 * 72 - 2 * SIDE_MARGIN * 72;
    private static final double PRINTABLE_HEIGHT = 210 / 25.4 * 72 - 2 * TOP_BOTTOM_MARGIN * 72;
    /** A column width unit is one digit of the default font (Calibri 11): about 7 pixels, 5.25 points. */
    private static final double POINTS_PER_WIDTH_UNIT = 5.25;

    /** The three parts of a footer, in the workbook's language. */
    public record Footer(String title, String page, String generated) {

        public static Footer of(Messages messages, Locale locale, String title, LocalDateTime generatedAt) {
            return new Footer(title, messages.get(locale, "excel.print.page"),
                    messages.get(locale, "excel.print.generated",
                            generatedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        }
    }

    private PrintLayout() {
    }

    /**
     * Sets up a sheet for print.
     *
     * @param headerRow the row (from 0) repeated at the top of every page, or null when the sheet has none
     */
    public static void apply(Sheet sheet, @Nullable Integer headerRow, Footer footer) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        sheet.setFitToPage(true);
        setup.setFitWidth((short) 1);
        // 0: as many pages high as the rows need
        setup.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.TOP, TOP_BOTTOM_MARGIN);
        sheet.setMargin(PageMargin.BOTTOM, TOP_BOTTOM_MARGIN);
        sheet.setMargin(PageMargin.HEADER, HEADER_FOOTER_MARGIN);
        sheet.setMargin(PageMargin.FOOTER, HEADER_FOOTER_MARGIN);
        // on paper there is no grid to follow a row along, unless it is printed
        sheet.setPrintGridlines(true);
        if (headerRow != null) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
        sheet.getFooter().setLeft(literal(footer.title()));
        sheet.getFooter().setCenter(footer.page());
        sheet.getFooter().setRight(literal(footer.generated()));
    }

    /**
     * About how many rows of default height one printed page holds, once the sheet's first
     * {@code columns} columns are scaled to the page's width. An estimate (fonts differ between
     * programs), meant with a margin to spare: to decide whether a chart still fits below a table.
     */
    public static int rowsPerPage(Sheet sheet, int columns) {
        double width = 0;
        for (int c = 0; c < columns; c++) {
            width += sheet.getColumnWidth(c) / 256.0 * POINTS_PER_WIDTH_UNIT;
        }
        double scale = width <= PRINTABLE_WIDTH ? 1 : PRINTABLE_WIDTH / width;
        return (int) Math.floor(PRINTABLE_HEIGHT / (sheet.getDefaultRowHeightInPoints() * scale));
    }

    /**
     * The footer as the codes of a sheet's {@code oddFooter} (what {@link #apply} sets through POI),
     * for a sheet written without POI.
     */
    public static String footerCodes(Footer footer) {
        return "&L" + literal(footer.title()) + "&C" + footer.page() + "&R" + literal(footer.generated());
    }

    /** Text shown as typed: a footer reads "&" as the start of a code. */
    private static String literal(String text) {
        String shortened = text.length() > MAX_TITLE ? text.substring(0, MAX_TITLE - 1) + "…" : text;
        return shortened.replace("&", "&&");
    }
}

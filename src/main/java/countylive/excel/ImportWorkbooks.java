package countylive.excel;

import countylive.web.Messages;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The import template a coordinator fills in, and an uploaded file handed back with its problems marked. */
@Singleton
class ImportWorkbooks {

    /** Enough rows of drop-downs for any session's products. */
    private static final int TEMPLATE_ROWS = 2000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcOperations jdbc;
    private final Messages messages;
    private final Clock clock;

    ImportWorkbooks(JdbcOperations jdbc, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** Instructions first, then the sheet to fill with drop-downs of the county's sessions and products. */
    @Transactional(readOnly = true)
    void writeTemplate(OutputStream out, long campaignId, String campaignName, String countyCode, String countyName,
                       Locale locale) throws IOException {
        List<String> sessions = choices("""
                SELECT id, starts_at, platform FROM live_session WHERE campaign_id = ? AND county_code = ?
                ORDER BY starts_at, id""", campaignId, countyCode, row ->
                row.getLong(1) + " · " + row.getObject(2, java.time.LocalDateTime.class).format(WHEN) + " · "
                        + messages.get(locale, "platform." + row.getString(3)));
        // the county's own products first, then every other county's by county and name, so that a product
        // sold on another county's behalf is picked by its name too (the reader takes the number in front)
        List<String> products = choices("""
                SELECT p.id, p.name, p.unit, c.name, p.county_code = ? AS own
                FROM product p JOIN county c ON c.code = p.county_code
                ORDER BY own DESC, c.name, p.county_code, p.name, p.id""", null, countyCode,
                row -> row.getLong(1) + " · " + (row.getBoolean(5) ? "" : row.getString(4) + " · ")
                        + row.getString(2) + "（" + row.getString(3) + "）");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet help = workbook.createSheet(messages.get(locale, "excel.template.helpSheet"));
            help.setColumnWidth(0, 110 * 256);
            Row title = help.createRow(0);
            Cells.header(title, 0, campaignName + " · " + countyName, styles.title());
            for (int i = 1; i <= 9; i++) {
                Cells.text(help.createRow(i + 1), 0, messages.get(locale, "excel.template.help" + i), styles);
            }
            Sheet data = workbook.createSheet(messages.get(locale, "excel.template.dataSheet"));
            String[] headers = {"session", "product", "units", "orders", "gross", "refunds", "onBehalf"};
            int[] widths = {34, 30, 12, 12, 16, 16, 14};
            Row header = data.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                Cells.header(header, i, messages.get(locale, "excel.template.column." + headers[i]), styles.header());
                data.setColumnWidth(i, widths[i] * 256);
            }
            data.createFreezePane(0, 1);
            Sheet lists = workbook.createSheet("lists");
            for (int i = 0; i < Math.max(sessions.size(), products.size()); i++) {
                Row row = lists.createRow(i);
                if (i < sessions.size()) {
                    row.createCell(0).setCellValue(sessions.get(i));
                }
                if (i < products.size()) {
                    row.createCell(1).setCellValue(products.get(i));
                }
            }
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            PrintLayout.Footer footer = PrintLayout.Footer.of(messages, locale, campaignName + " · " + countyName,
                    LocalDateTime.now(clock));
            PrintLayout.apply(help, null, footer);
            PrintLayout.apply(data, 0, footer);
            PrintLayout.apply(lists, null, footer);
            DataValidationHelper helper = data.getDataValidationHelper();
            listValidation(data, helper, 0, "lists!$A$1:$A$" + Math.max(1, sessions.size()));
            listValidation(data, helper, 1, "lists!$B$1:$B$" + Math.max(1, products.size()));
            for (int column = 2; column <= 5; column++) {
                DataValidationConstraint notNegative = helper.createDecimalConstraint(
                        DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
                DataValidation validation = helper.createValidation(notNegative,
                        new CellRangeAddressList(1, TEMPLATE_ROWS, column, column));
                validation.setShowErrorBox(true);
                validation.createErrorBox(messages.get(locale, "excel.template.invalidTitle"),
                        messages.get(locale, "input.negative"));
                data.addValidationData(validation);
            }
            DataValidationConstraint yesNo = helper.createExplicitListConstraint(new String[]{
                    messages.get(locale, "excel.yes"), messages.get(locale, "excel.no")});
            data.addValidationData(helper.createValidation(yesNo, new CellRangeAddressList(1, TEMPLATE_ROWS, 6, 6)));
            workbook.setActiveSheet(1);
            workbook.write(out);
        }
    }

    /**
     * The uploaded workbook with each problem's cell filled red and commented, set up to print like
     * every workbook the application hands out.
     *
     * @param fileName the uploaded file's name, for the printed footer
     */
    byte[] marked(Workbook workbook, List<ImportProblem> problems, String fileName, Locale locale) throws IOException {
        Sheet sheet = workbook.getNumberOfSheets() > 1 ? workbook.getSheetAt(1) : workbook.getSheetAt(0);
        PrintLayout.Footer footer = PrintLayout.Footer.of(messages, locale, fileName, LocalDateTime.now(clock));
        for (Sheet any : workbook) {
            // the marked sheet is the data sheet, whose first row holds the template's headers
            PrintLayout.apply(any, any == sheet ? 0 : null, footer);
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Map<Short, CellStyle> markedStyles = new HashMap<>();
        for (ImportProblem problem : problems) {
            Row row = sheet.getRow(problem.rowNumber() - 1);
            if (row == null) {
                row = sheet.createRow(problem.rowNumber() - 1);
            }
            int column = CellReference.convertColStringToIndex(problem.column());
            Cell cell = row.getCell(column);
            if (cell == null) {
                cell = row.createCell(column);
            }
            short original = cell.getCellStyle().getIndex();
            CellStyle style = markedStyles.computeIfAbsent(original, index -> {
                CellStyle copy = workbook.createCellStyle();
                copy.cloneStyleFrom(workbook.getCellStyleAt(index));
                copy.setFillForegroundColor(problem.warning() ? IndexedColors.LIGHT_YELLOW.getIndex()
                        : IndexedColors.ROSE.getIndex());
                copy.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return copy;
            });
            cell.setCellStyle(style);
            if (cell.getCellComment() != null) {
                cell.removeCellComment();
            }
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            // XSSF ties a comment to the anchor's top-left cell: anchor it on the cell itself
            anchor.setCol1(column);
            anchor.setCol2(column + 3);
            anchor.setRow1(row.getRowNum());
            anchor.setRow2(row.getRowNum() + 3);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(workbook.getCreationHelper().createRichTextString(problem.message()));
            comment.setAuthor("County Live");
            cell.setCellComment(comment);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static void listValidation(Sheet sheet, DataValidationHelper helper, int column, String range) {
        DataValidationConstraint constraint = helper.createFormulaListConstraint(range);
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, TEMPLATE_ROWS, column, column));
        validation.setSuppressDropDownArrow(true);
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    @FunctionalInterface
    private interface RowText {
        String of(ResultSet row) throws java.sql.SQLException;
    }

    private List<String> choices(String sql, Long campaignId, String countyCode, RowText text) {
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            if (campaignId != null) {
                statement.setLong(i++, campaignId);
            }
            statement.setString(i, countyCode);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(text.of(rows));
                }
            }
            return values;
        });
    }
}

package countylive.excel;

import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook of one sheet, written row by row straight into a stream: for the detail export of up
 * to a million lines in a small heap. It writes the sheet's XML itself, with the styles of
 * {@link Styles} (the same cell formats, bold header row, literal-text marking, print layout as
 * the POI workbooks), because POI's streaming writer spends about 40 µs a line and the lean writers
 * at hand (fastexcel 0.19) cannot mark formula-like text as literal nor print gridlines.
 *
 * <p>Only distinct texts are kept in memory (the shared strings: names of campaigns, counties,
 * products, hosts); rows are not. The first bytes leave before any row is written, so a download
 * starts at once. Numbers are written as numbers: money as its exact decimal text (to the fen),
 * dates and times as Excel serial numbers with a date format.
 */
public final class StreamedSheet implements AutoCloseable {

    /** The rows a sheet holds, its header row included. */
    public static final int MAX_ROWS = 1_048_576;
    /** Excel's day 25569 is 1970-01-01. */
    private static final long EPOCH_SERIAL = 25_569;
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // the cell styles (cellXfs below), in the order and with the formats of Styles
    private static final int TEXT = 1;
    private static final int LITERAL_TEXT = 2;
    private static final int MONEY = 3;
    private static final int COUNT = 4;
    private static final int DATE = 6;
    private static final int DATE_TIME = 7;
    private static final int HEADER = 8;

    private final ZipOutputStream zip;
    private final OutputStream target;
    private final String sheetName;
    private final int columns;
    private final byte[][] columnLetters;
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];
    private int used;
    private int row;
    private long stringCount;
    private boolean rowOpen;
    private int nextColumn;
    private byte[] rowNumber = new byte[0];

    /**
     * Starts the workbook and writes its fixed parts, so that the first bytes leave at once.
     *
     * @param widths the columns' widths in characters; their number is the table's width
     */
    public StreamedSheet(OutputStream out, String sheetName, double[] widths, String creator, LocalDateTime createdAt)
            throws IOException {
        this.target = out;
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // the sheet's XML repeats itself a lot: the fastest level compresses it nearly as well
        zip.setLevel(Deflater.BEST_SPEED);
        this.sheetName = sheetName;
        this.columns = widths.length;
        this.columnLetters = new byte[columns][];
        for (int c = 0; c < columns; c++) {
            columnLetters[c] = letters(c).getBytes(StandardCharsets.US_ASCII);
        }
        part("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                </Types>""");
        part("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                </Relationships>""");
        part("docProps/app.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
                <Application>County Live</Application></Properties>""");
        part("docProps/core.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                <dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dc:creator>%s</dc:creator>\
                </cp:coreProperties>""".formatted(
                createdAt.atZone(java.time.ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")), escape(creator)));
        part("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                </Relationships>""");
        part("xl/styles.xml", STYLES);
        zip.flush();
        out.flush();
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
                .append(MAIN).append("\" xmlns:r=\"").append(RELATIONSHIPS).append("\">")
                .append("<sheetPr><pageSetUpPr fitToPage=\"1\" autoPageBreaks=\"1\"/></sheetPr>")
                // the header row frozen: it stays in view while the rows scroll
                .append("<sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"1\">")
                .append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                .append("<selection pane=\"bottomLeft\"/></sheetView></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int c = 0; c < columns; c++) {
            head.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                    .append(widths[c]).append("\" customWidth=\"1\"/>");
        }
        head.append("</cols><sheetData>");
        ascii(head.toString());
    }

    /** The header row (row 1): bold on grey, frozen, repeated on every printed page. */
    public void header(List<String> labels) throws IOException {
        startRow();
        for (int c = 0; c < labels.size(); c++) {
            cell(c, HEADER);
            ascii(" t=\"s\"><v>");
            number(stringIndex(labels.get(c)));
            ascii("</v></c>");
        }
        endRow();
    }

    /** Opens the next row. */
    public void startRow() throws IOException {
        if (row + 1 > MAX_ROWS) {
            throw new IllegalStateException("more rows than one sheet holds (" + MAX_ROWS + ")");
        }
        row++;
        rowNumber = Integer.toString(row).getBytes(StandardCharsets.US_ASCII);
        ascii("<row r=\"");
        bytes(rowNumber);
        ascii("\">");
        rowOpen = true;
        nextColumn = 0;
    }

    public void endRow() throws IOException {
        ascii("</row>");
        rowOpen = false;
    }

    /** Text; a blank is left blank, and text a spreadsheet would take for a formula is marked literal. */
    public void text(int column, @Nullable String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        cell(column, Cells.looksLikeFormula(value) ? LITERAL_TEXT : TEXT);
        ascii(" t=\"s\"><v>");
        number(stringIndex(value));
        ascii("</v></c>");
    }

    public void count(int column, long value) throws IOException {
        cell(column, COUNT);
        ascii("><v>");
        number(value);
        ascii("</v></c>");
    }

    /** An amount of money as its exact decimal text: Excel reads it to the nearest double, exact to the fen. */
    public void money(int column, @Nullable BigDecimal value) throws IOException {
        if (value == null) {
            return;
        }
        cell(column, MONEY);
        ascii("><v>");
        ascii(value.toPlainString());
        ascii("</v></c>");
    }

    public void date(int column, @Nullable LocalDate value) throws IOException {
        if (value == null) {
            return;
        }
        cell(column, DATE);
        ascii("><v>");
        number(value.toEpochDay() + EPOCH_SERIAL);
        ascii("</v></c>");
    }

    /** A date and time as Excel's serial number (as POI computes it), see {@link #serial(LocalDateTime)}. */
    public void dateTime(int column, double serial) throws IOException {
        cell(column, DATE_TIME);
        ascii("><v>");
        ascii(Double.toString(serial));
        ascii("</v></c>");
    }

    /** Excel's serial number of a date and time: days since 1899-12-30 and the fraction of the day. */
    public static double serial(LocalDateTime value) {
        long millis = value.toLocalTime().toNanoOfDay() / 1_000_000;
        return (value.toLocalDate().toEpochDay() + EPOCH_SERIAL) + millis / 86_400_000.0;
    }

    /** The rows written so far, the header row included. */
    public int rows() {
        return row;
    }

    /**
     * Ends the sheet (its filter over all rows, print layout and footer) and writes the parts that
     * depend on the rows: the shared strings and the workbook with the filter's and print titles' names.
     *
     * @param oddFooter the footer's codes, as {@link PrintLayout#footerCodes} makes them
     */
    public void finish(String oddFooter) throws IOException {
        if (rowOpen) {
            endRow();
        }
        String lastColumn = letters(columns - 1);
        int lastRow = Math.max(row, 2);
        StringBuilder tail = new StringBuilder("</sheetData>")
                .append("<autoFilter ref=\"A1:").append(lastColumn).append(lastRow).append("\"/>")
                // on paper there is no grid to follow a row along, unless it is printed
                .append("<printOptions gridLines=\"1\"/>")
                .append("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.25\" footer=\"0.25\"/>")
                .append("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
                .append("<headerFooter><oddFooter>").append(escape(oddFooter)).append("</oddFooter></headerFooter>")
                .append("</worksheet>");
        ascii(tail.toString());
        drain();
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
        ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN + "\" count=\""
                + stringCount + "\" uniqueCount=\"" + stringList.size() + "\">");
        for (String text : stringList) {
            // keep leading and trailing spaces as typed
            ascii(text.isBlank() || text.strip().length() != text.length() ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            escaped(text);
            ascii("</t></si>");
        }
        ascii("</sst>");
        drain();
        zip.closeEntry();

        String quotedName = "'" + sheetName.replace("'", "''") + "'";
        part("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="%s" xmlns:r="%s"><workbookPr date1904="false"/>\
                <bookViews><workbookView activeTab="0"/></bookViews>\
                <sheets><sheet name="%s" sheetId="1" r:id="rId3"/></sheets><definedNames>\
                <definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">%s!$A$1:$%s$%d</definedName>\
                <definedName name="_xlnm.Print_Titles" localSheetId="0">%s!$1:$1</definedName>\
                </definedNames></workbook>""".formatted(MAIN, RELATIONSHIPS, escape(sheetName), escape(quotedName),
                lastColumn, lastRow, escape(quotedName)));
        zip.finish();
        zip.flush();
        target.flush();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Passes what the buffer holds on to the compressor, e.g. to let a first part of the sheet leave. */
    public void flush() throws IOException {
        drain();
        zip.flush();
        target.flush();
    }

    /**
     * Opens a cell. Its reference is written only after a gap (a blank cell left out): a cell
     * without one is the next of its row, and the sheet's XML is a quarter smaller to compress.
     * Plain text takes the default style, which looks the same as {@link Styles#text()}.
     */
    private void cell(int column, int style) throws IOException {
        if (column == nextColumn) {
            ascii("<c");
        } else {
            ascii("<c r=\"");
            bytes(columnLetters[column]);
            bytes(rowNumber);
            ascii("\"");
        }
        nextColumn = column + 1;
        if (style != TEXT) {
            ascii(" s=\"");
            number(style);
            ascii("\"");
        }
    }

    private int stringIndex(String text) {
        stringCount++;
        Integer index = strings.get(text);
        if (index == null) {
            index = stringList.size();
            strings.put(text, index);
            stringList.add(text);
        }
        return index;
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Text that is already XML; a fast path for the ASCII markup of the cells. */
    private void ascii(String text) throws IOException {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                drain();
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            buffer[used++] = (byte) text.charAt(i);
        }
    }

    private void bytes(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - used) {
            drain();
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void number(long value) throws IOException {
        if (20 > buffer.length - used) {
            drain();
        }
        if (value < 0) {
            buffer[used++] = '-';
            value = -value;
        }
        int start = used;
        do {
            buffer[used++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = used - 1; i < j; i++, j--) {
            byte swap = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = swap;
        }
    }

    private void escaped(String text) throws IOException {
        byte[] utf8 = escape(text).getBytes(StandardCharsets.UTF_8);
        if (utf8.length > buffer.length - used) {
            drain();
            if (utf8.length > buffer.length) {
                zip.write(utf8);
                return;
            }
        }
        System.arraycopy(utf8, 0, buffer, used, utf8.length);
        used += utf8.length;
    }

    private void drain() throws IOException {
        if (used > 0) {
            zip.write(buffer, 0, used);
            used = 0;
        }
    }

    /** XML text: markup characters escaped, and characters XML 1.0 cannot hold left out. */
    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** A column's letters: 0 is A, 25 is Z, 26 is AA. */
    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /**
     * The styles of {@link Styles}, in its order: 0 the default, 1 text, 2 literal text (quote
     * prefix), 3 money, 4 count, 5 decimal, 6 date, 7 date and time, 8 header (bold on 25 % grey,
     * a thin line below, wrapped), 9 title.
     */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/>\
            <numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts>\
            <fonts count="3"><font><sz val="11"/><color indexed="8"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>\
            <font><b val="1"/><sz val="11"/><name val="Calibri"/></font>\
            <font><b val="1"/><sz val="14"/><name val="Calibri"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor indexed="22"/></patternFill></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left/><right/><top/><bottom style="thin"/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\
            <alignment wrapText="1"/></xf>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>""";
}

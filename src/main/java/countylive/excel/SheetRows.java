package countylive.excel;

import io.micronaut.core.annotation.Nullable;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * Reads the rows of one sheet of an xlsx as a stream of SAX events, never holding the sheet in
 * memory: the import reads its data sheet this way, so that a file of a million rows, or one
 * whose XML is inflated to fill the heap, costs a row's worth of memory at a time. Cells come as
 * their user sees them: text as typed, a number as its plain digits.
 */
public final class SheetRows {

    /** Receives the cells of each row that has any, by column index from 0 up to {@code columns}. */
    @FunctionalInterface
    public interface RowHandler {
        /** @return false to stop reading */
        boolean row(int rowNumber, @Nullable String[] cells);
    }

    /** Receives the rows of every sheet, with the sheet's name (a platform export has several). */
    @FunctionalInterface
    public interface NamedRowHandler {
        /** @return false to stop reading */
        boolean row(String sheetName, int rowNumber, @Nullable String[] cells);
    }

    private SheetRows() {
    }

    /**
     * Reads the workbook's second sheet (the template's data sheet), or its first when it has one.
     *
     * @param file an xlsx already checked by {@link UploadedWorkbook#check}
     */
    static void read(File file, int columns, RowHandler handler) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            InputStream chosen = null;
            for (int index = 0; sheets.hasNext() && index < 2; index++) {
                InputStream sheet = sheets.next();
                if (chosen != null) {
                    chosen.close();
                }
                chosen = sheet;
            }
            if (chosen == null) {
                throw new IllegalArgumentException("a workbook without sheets");
            }
            try (InputStream sheet = chosen) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new Handler(strings, columns, handler));
                try {
                    parser.parse(new InputSource(sheet));
                } catch (Stop stop) {
                    // the handler had enough
                }
            }
        }
    }

    /**
     * Reads every sheet of a workbook in order, as a stream, as {@link #read} reads one: the
     * platform imports find their sheets by name.
     *
     * @param file an xlsx already checked by {@link UploadedWorkbook#check}
     */
    public static void readAll(File file, int columns, NamedRowHandler handler) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            boolean[] stopped = new boolean[1];
            while (sheets.hasNext() && !stopped[0]) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new Handler(strings, columns, (row, cells) -> {
                        stopped[0] = !handler.row(name, row, cells);
                        return !stopped[0];
                    }));
                    try {
                        parser.parse(new InputSource(sheet));
                    } catch (Stop stop) {
                        // the handler had enough
                    }
                }
            }
        }
    }

    /** Ends the parse when the row handler asks to stop. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The SAX events of a sheet's XML: {@code <row r>}, {@code <c r t>}, {@code <v>}, {@code <is><t>}. */
    private static final class Handler extends DefaultHandler {

        private final SharedStrings strings;
        /**
         * Shared strings already looked up: POI builds a rich-text object for each lookup, which
         * cost more than the rest of reading a row (a session's entry repeats on every row of it).
         */
        private final java.util.Map<Integer, String> known = new java.util.HashMap<>();
        private final int columns;
        private final RowHandler rows;
        private final StringBuilder text = new StringBuilder();
        private String[] cells;
        private int rowNumber;
        private int nextRow = 1;
        private int column = -1;
        private String type;
        private boolean inValue;
        private boolean any;

        Handler(SharedStrings strings, int columns, RowHandler rows) {
            this.strings = strings;
            this.columns = columns;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? nextRow : Integer.parseInt(r);
                    nextRow = rowNumber + 1;
                    cells = new String[columns];
                    any = false;
                }
                case "c" -> {
                    column = columnOf(attributes.getValue("r"), column + 1);
                    type = attributes.getValue("t");
                    text.setLength(0);
                }
                case "v", "t" -> {
                    inValue = true;
                    if ("v".equals(localName)) {
                        text.setLength(0);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (column >= 0 && column < columns && text.length() > 0) {
                        cells[column] = value(text.toString());
                        any = any || (cells[column] != null && !cells[column].isBlank());
                    }
                }
                case "row" -> {
                    if (any && !rows.row(rowNumber, cells)) {
                        throw new Stop();
                    }
                    column = -1;
                }
                default -> {
                }
            }
        }

        private @Nullable String value(String raw) {
            if (type == null || "n".equals(type)) {
                try {
                    return new BigDecimal(raw.trim()).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            return switch (type) {
                case "s" -> shared(Integer.parseInt(raw.trim()));
                case "b" -> "1".equals(raw.trim()) ? "TRUE" : "FALSE";
                default -> raw;
            };
        }

        private String shared(int index) {
            String value = known.get(index);
            if (value == null) {
                value = strings.getItemAt(index).getString();
                known.put(index, value);
            }
            return value;
        }

        /** The column of a cell reference such as "C12"; without one, the next column. */
        private static int columnOf(@Nullable String reference, int next) {
            if (reference == null) {
                return next;
            }
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }
}

package countylive.excel;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an uploaded file before anything reads it as a workbook, and says in a message key why
 * it will not be read: empty, too large, not an xlsx, password-protected (or the old .xls
 * format), a zip bomb (however it is packed), too large once unpacked (its parts together inflate
 * beyond {@link #MAX_INFLATED}), or XML
 * that POI's hardened parser refuses (entities, external references). The import then streams
 * the one sheet it needs ({@link SheetRows}); only a small file is ever opened whole, to hand it
 * back with its problems marked.
 */
public final class UploadedWorkbook {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** All parts of a file together, inflated: a 100,000-row sheet is about 30 MB of XML. */
    static final long MAX_INFLATED = 100L * 1024 * 1024;
    /** POI's limit on a part's expansion, applied to the whole file once it is past a few MB. */
    private static final long MAX_INFLATE_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 10L * 1024 * 1024;
    /** More parts than any workbook has. */
    private static final int MAX_ENTRIES = 1000;
    /**
     * Opened whole (to be marked) only up to this many inflated bytes: some 15,000 rows of the
     * template, far more than a county enters, and about 64 MB of heap (POI holds some sixteen
     * times the XML).
     */
    static final long MAX_MARKABLE = 4L * 1024 * 1024;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // a zip entry may expand at most 100-fold and to at most 100 MB: enough for 100,000 rows
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_INFLATED);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private UploadedWorkbook() {
    }

    /** A file that passed the checks, with how large its parts are inflated. */
    public record Checked(byte[] bytes, long inflated) {

        boolean markable() {
            return inflated <= MAX_MARKABLE;
        }
    }

    /** Why an upload was refused, as a message key. */
    public static final class Refused extends Exception {

        private final String messageKey;

        Refused(String messageKey, Throwable cause) {
            super(messageKey, cause);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The checks that need no XML parsing: what the file is, and what it inflates to. */
    public static Checked check(byte[] bytes) throws Refused {
        if (bytes == null || bytes.length == 0) {
            throw new Refused("excel.upload.empty", null);
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused("excel.upload.tooLarge", null);
        }
        if (startsWith(bytes, OLE2)) {
            throw new Refused("excel.upload.protectedOrOld", null);
        }
        if (!startsWith(bytes, ZIP)) {
            throw new Refused("excel.upload.notXlsx", null);
        }
        return new Checked(bytes, inflated(bytes));
    }

    /** Opens a checked file whole: only one small enough to be marked. */
    static Workbook open(Checked file) throws Refused {
        if (!file.markable()) {
            throw new IllegalArgumentException("too large to open whole: " + file.inflated() + " bytes inflated");
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file.bytes()));
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    /** What a failure to read a checked file says to its uploader. */
    public static Refused refusal(Exception e) {
        return new Refused(saysBomb(e) ? "excel.upload.bomb" : "excel.upload.unreadable", e);
    }

    /** POI's own words for a bomb, anywhere in the causes: a ratio, a size or a count over its limits. */
    private static boolean saysBomb(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = String.valueOf(cause.getMessage()).toLowerCase();
            if (text.contains("zip bomb") || text.contains("inflate") || text.contains("max entry size")
                    || text.contains("exceeds") || text.contains("potentially malicious")
                    || text.contains("tried to allocate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inflates every part without keeping it and counts what comes out, whatever the headers
     * declare. A bomb: a part declared larger than a file may inflate to, many times the file's
     * size, or more parts than a workbook has (POI catches most bombs too, but reports some like
     * any unreadable file). Too large: beyond {@link #MAX_INFLATED} at an ordinary ratio.
     */
    private static long inflated(byte[] bytes) throws Refused {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES || entry.getSize() > MAX_INFLATED) {
                    throw new Refused("excel.upload.bomb", null);
                }
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    total += read;
                    if (total > RATIO_GRACE_BYTES && total > MAX_INFLATE_RATIO * bytes.length) {
                        throw new Refused("excel.upload.bomb", null);
                    }
                    if (total > MAX_INFLATED) {
                        throw new Refused("excel.upload.inflatedTooLarge", null);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused("excel.upload.unreadable", e);
        }
        if (total == 0) {
            throw new Refused("excel.upload.unreadable", null);
        }
        return total;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

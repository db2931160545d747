package countylive.excel;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens an uploaded file as an xlsx workbook, or says in a message key why it will not: empty,
 * too large, not an xlsx, password-protected (or the old .xls format), a zip bomb, or XML that
 * POI's hardened parser refuses (entities, external references).
 */
public final class UploadedWorkbook {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** What a workbook may inflate to, all its parts together: POI allows each part 100 MB. */
    private static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;
    /** POI's limit on a part's expansion, applied to the whole file (once it is past a few MB). */
    private static final long MAX_INFLATE_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 10L * 1024 * 1024;
    private static final int MAX_ENTRIES = 1000;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // a zip entry may expand at most 100-fold and to at most 100 MB: enough for 100,000 rows
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private UploadedWorkbook() {
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

    public static Workbook open(byte[] bytes) throws Refused {
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
        if (inflatesTooFar(bytes)) {
            throw new Refused("excel.upload.bomb", null);
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new Refused(saysBomb(e) ? "excel.upload.bomb" : "excel.upload.unreadable", e);
        }
    }

    /**
     * Inflates every part without keeping it and counts what comes out, whatever the headers
     * declare: more than a workbook can hold, many times the file's size, or more parts than a
     * workbook has. POI's own guards catch most bombs too, but report some (sizes declared in the
     * local headers, too many parts) like any unreadable file. A zip this reader cannot follow is
     * left to POI.
     */
    private static boolean inflatesTooFar(byte[] bytes) {
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES || entry.getSize() > MAX_INFLATED_BYTES) {
                    return true;
                }
                for (int read; (read = zip.read(buffer)) > 0; ) {
                    inflated += read;
                    if (inflated > MAX_INFLATED_BYTES
                            || (inflated > RATIO_GRACE_BYTES && inflated > MAX_INFLATE_RATIO * bytes.length)) {
                        return true;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException notAZipThisReaderFollows) {
            return false;
        }
        return false;
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

package countylive.excel;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;

/**
 * Opens an uploaded file as an xlsx workbook, or says in a message key why it will not: empty,
 * too large, not an xlsx, password-protected (or the old .xls format), a zip bomb, or XML that
 * POI's hardened parser refuses (entities, external references).
 */
public final class UploadedWorkbook {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
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
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            String text = String.valueOf(e.getMessage()).toLowerCase();
            if (text.contains("zip bomb") || text.contains("inflate") || text.contains("max entry size")
                    || text.contains("exceeds")) {
                throw new Refused("excel.upload.bomb", e);
            }
            throw new Refused("excel.upload.unreadable", e);
        }
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

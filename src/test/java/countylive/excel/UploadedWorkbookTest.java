package countylive.excel;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A zip bomb is told as one, however it is packed: with its sizes in the local headers (as most
 * zip tools write them, and POI then refuses to allocate the declared size rather than measure the
 * ratio), with data descriptors (as Java writes them), or as more entries than a workbook has; a
 * file that only unpacks too large is told so.
 */
class UploadedWorkbookTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @Test
    void aSheetThatInflatesAThousandFoldIsABombWithItsSizesInTheHeaders() throws IOException {
        assertBomb(withSizesInHeaders(good(), SHEET, 200L * 1024 * 1024));
    }

    @Test
    void aSheetThatInflatesAThousandFoldIsABombWithDataDescriptors() throws Exception {
        assertBomb(Uploads.withPart(good(), SHEET, Uploads.bombSheet()));
    }

    @Test
    void moreEntriesThanAWorkbookHasIsABomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            for (int i = 0; i < 1100; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/empty" + i + ".bin"));
                zip.closeEntry();
            }
        }
        assertBomb(out.toByteArray());
    }

    @Test
    void aWorkbookOfTenThousandRowsOpens() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("销售");
            for (int r = 0; r < 10_000; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(r + " · 2020-04-10 19:00 · 抖音");
                row.createCell(1).setCellValue("英山云雾");
                row.createCell(2).setCellValue(r * 3.5);
            }
            workbook.write(out);
            bytes = out.toByteArray();
        }
        try (Workbook opened = open(bytes)) {
            assertEquals(10_000, opened.getSheet("销售").getPhysicalNumberOfRows());
        }
    }

    @Test
    void aBrokenZipIsUnreadableNotABomb() throws IOException {
        byte[] good = good();
        byte[] cut = Arrays.copyOf(good, good.length / 2);
        UploadedWorkbook.Refused refused = assertThrows(UploadedWorkbook.Refused.class, () -> open(cut));
        assertEquals("excel.upload.unreadable", refused.messageKey());
    }

    private static void assertBomb(byte[] bytes) {
        UploadedWorkbook.Refused refused = assertThrows(UploadedWorkbook.Refused.class, () -> open(bytes));
        assertEquals("excel.upload.bomb", refused.messageKey(), String.valueOf(refused.getCause()));
    }

    @Test
    void aWorkbookOfOrdinaryRatioBeyondAHundredMegabytesIsTooLargeNotABomb() throws Exception {
        byte[] file = good();
        for (int i = 1; i <= 4; i++) {
            file = Uploads.withExtraPart(file, "xl/worksheets/padding" + i + ".xml", Uploads.paddedSheet(30 * 1024 * 1024));
        }
        byte[] bytes = file;
        UploadedWorkbook.Refused refused = assertThrows(UploadedWorkbook.Refused.class, () -> open(bytes));
        assertEquals("excel.upload.inflatedTooLarge", refused.messageKey());
    }

    private static Workbook open(byte[] bytes) throws UploadedWorkbook.Refused {
        return UploadedWorkbook.open(UploadedWorkbook.check(bytes));
    }

    private static byte[] good() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("销售").createRow(0).createCell(0).setCellValue("直播场次");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A copy of an xlsx whose part is that many bytes of spaces, written as zip tools write it: the
     * sizes in each local header, no data descriptors.
     */
    private static byte[] withSizesInHeaders(byte[] xlsx, String part, long bytes) throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                            + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (long written = 0; written < bytes; written += spaces.length) {
                        zip.write(spaces);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(in.readAllBytes());
                }
                zip.closeArchiveEntry();
            }
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }
}

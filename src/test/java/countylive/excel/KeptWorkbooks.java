package countylive.excel;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps every workbook the tests download under target/generated-workbooks/, so that CI can
 * open them with a second reader (LibreOffice) as well as with POI and print them to PDF. A kept
 * workbook is first checked to be set up for print ({@link PrintChecks}): every workbook the
 * tests download passes through here.
 */
public final class KeptWorkbooks {

    public static final Path FOLDER = Path.of("target", "generated-workbooks");

    private KeptWorkbooks() {
    }

    public static byte[] keep(String name, byte[] bytes) {
        try {
            // kept first: a workbook that fails the checks is there to look at
            Files.createDirectories(FOLDER);
            Files.write(FOLDER.resolve(name + ".xlsx"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            PrintChecks.check(workbook);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

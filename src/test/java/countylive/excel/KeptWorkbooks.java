package countylive.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps every workbook the tests download under target/generated-workbooks/, so that CI can
 * open them with a second reader (LibreOffice) as well as with POI.
 */
final class KeptWorkbooks {

    static final Path FOLDER = Path.of("target", "generated-workbooks");

    private KeptWorkbooks() {
    }

    static byte[] keep(String name, byte[] bytes) {
        try {
            Files.createDirectories(FOLDER);
            Files.write(FOLDER.resolve(name + ".xlsx"), bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

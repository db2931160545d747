package countylive.database;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses the database before any bean is made: the server named by {@code DB_URL} when there
 * is one, otherwise an embedded MariaDB (demo mode). Runs for the application and for every
 * test context alike.
 */
@ContextConfigurer
public final class DatabaseConfigurer implements ApplicationContextConfigurer {

    static final String DATABASE = "countylive";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Map<String, Object> properties = new HashMap<>();
        String url = setting("DB_URL", "db.url");
        if (url != null) {
            properties.put("datasources.default.url", url);
            properties.put("datasources.default.username", orDefault(setting("DB_USER", "db.user"), "countylive"));
            properties.put("datasources.default.password", orDefault(setting("DB_PASSWORD", "db.password"), ""));
            properties.put("countylive.embedded", false);
        } else {
            boolean fresh = Boolean.parseBoolean(System.getProperty("countylive.db.fresh", "false"));
            EmbeddedMariaDb db = EmbeddedMariaDb.start(embeddedHome(), fresh);
            properties.put("datasources.default.url", db.jdbcUrl(DATABASE));
            properties.put("datasources.default.username", "root");
            properties.put("datasources.default.password", "");
            properties.put("countylive.embedded", true);
        }
        builder.properties(properties);
    }

    /** The embedded server's folder: COUNTYLIVE_DB_DIR, else `.data/mariadb` in the project. */
    private static Path embeddedHome() {
        String configured = setting("COUNTYLIVE_DB_DIR", "countylive.db.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        // `mn:run` starts the app inside target/; the data belongs to the project beside it
        if (!Files.exists(here.resolve("pom.xml")) && here.getParent() != null
                && Files.exists(here.getParent().resolve("pom.xml"))) {
            here = here.getParent();
        }
        return here.resolve(".data").resolve("mariadb");
    }

    private static String setting(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}

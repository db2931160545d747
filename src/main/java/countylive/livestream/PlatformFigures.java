package countylive.livestream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a platform's export reported of a session beyond County Live's fields (kept by the
 * platform import in live_session_platform), for the session's page: the account it was matched
 * by, the file, where its gross sales come from, and the platform's other figures by their names.
 */
@Singleton
class PlatformFigures {

    record Shown(@Nullable String account, @Nullable String platformSessionId, @Nullable String sourceFile,
                 String grossSource, Map<String, String> metrics) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    PlatformFigures(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    @Nullable Shown of(long sessionId) {
        return jdbc.prepareStatement("SELECT account, platform_session_id, source_file, gross_source, metrics"
                + " FROM live_session_platform WHERE session_id = ?", statement -> {
            statement.setLong(1, sessionId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, String> metrics;
                try {
                    metrics = json.readValue(row.getString(5), Argument.mapOf(String.class, String.class));
                } catch (IOException e) {
                    metrics = Map.of();
                }
                return new Shown(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        new LinkedHashMap<>(metrics));
            }
        });
    }
}

package countylive.integrity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The latest result of each check, in the table integrity_check: one row per check, replaced at every run. */
@Singleton
class CheckResults {

    /** A check's latest run, as kept. */
    record Result(String code, long found, List<Finding> findings, boolean failed, LocalDateTime ranAt, String ranBy,
                  long tookMs) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CheckResults(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void keep(String code, Found found, boolean failed, LocalDateTime ranAt, String ranBy, long tookMs) {
        String findings = write(found.first());
        jdbc.prepareStatement("""
                INSERT INTO integrity_check (code, found, findings, failed, ran_at, ran_by, took_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE found = VALUES(found), findings = VALUES(findings), failed = VALUES(failed),
                  ran_at = VALUES(ran_at), ran_by = VALUES(ran_by), took_ms = VALUES(took_ms)""", statement -> {
            statement.setString(1, code);
            statement.setLong(2, found.count());
            statement.setString(3, findings);
            statement.setBoolean(4, failed);
            statement.setObject(5, ranAt);
            statement.setString(6, ranBy.length() > 50 ? ranBy.substring(0, 50) : ranBy);
            statement.setLong(7, tookMs);
            return statement.executeUpdate();
        });
    }

    /** The kept results by check code. */
    @Transactional(readOnly = true)
    Map<String, Result> latest() {
        return jdbc.prepareStatement("SELECT code, found, findings, failed, ran_at, ran_by, took_ms FROM integrity_check",
                statement -> {
                    Map<String, Result> results = new HashMap<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            results.put(rows.getString(1), new Result(rows.getString(1), rows.getLong(2),
                                    read(rows.getString(3)), rows.getBoolean(4),
                                    rows.getObject(5, LocalDateTime.class), rows.getString(6), rows.getLong(7)));
                        }
                    }
                    return results;
                });
    }

    private String write(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Finding> read(@Nullable String text) {
        try {
            return text == null ? List.of() : json.readValue(text, Argument.listOf(Finding.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package countylive.summary;

import countylive.database.Reads;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The summary queries' reads: {@link Reads} with a listener that sees every statement before it
 * runs (the EXPLAIN test collects them this way).
 */
@Singleton
class Sql {

    @FunctionalInterface
    interface RowMapper<T> extends Reads.RowMapper<T> {
    }

    private final Reads reads;
    private volatile java.util.function.BiConsumer<String, List<Object>> listener;

    Sql(Reads reads) {
        this.reads = reads;
    }

    void listen(java.util.function.BiConsumer<String, List<Object>> listener) {
        this.listener = listener;
    }

    <T> List<T> list(String sql, List<Object> parameters, RowMapper<T> mapper) {
        var seen = listener;
        if (seen != null) {
            seen.accept(sql, List.copyOf(parameters));
        }
        return reads.list(sql, parameters, mapper);
    }

    <T> T one(String sql, List<Object> parameters, RowMapper<T> mapper) {
        List<T> rows = list(sql, parameters, mapper);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static BigDecimal money(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO.setScale(2) : value;
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getDate(column).toLocalDate();
    }
}

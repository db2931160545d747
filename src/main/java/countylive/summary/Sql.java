package countylive.summary;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Plain read-only JDBC for the summary queries: a statement, its parameters, a row mapper. */
@Singleton
class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    /** Sees every statement before it runs: the EXPLAIN test collects them this way. */
    private volatile java.util.function.BiConsumer<String, List<Object>> listener;

    Sql(DataSource dataSource, DataSourceResolver resolver) {
        // the plain pool: these reads need no transaction
        this.dataSource = resolver.resolve(dataSource);
    }

    void listen(java.util.function.BiConsumer<String, List<Object>> listener) {
        this.listener = listener;
    }

    <T> List<T> list(String sql, List<Object> parameters, RowMapper<T> mapper) {
        var seen = listener;
        if (seen != null) {
            seen.accept(sql, List.copyOf(parameters));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                statement.setObject(i + 1, value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
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

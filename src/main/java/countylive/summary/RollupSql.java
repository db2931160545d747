package countylive.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** Plain JDBC for the rollups, on the writer's connection and transaction. */
final class RollupSql {

    /** Keys per statement: keeps the IN lists and the statements small. */
    private static final int CHUNK = 500;

    private RollupSql() {
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    static void query(Connection connection, String sql, List<?> parameters, RowReader reader) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    static void update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    /**
     * Locks campaign counties, one statement each in key order, so that two writers never wait on
     * each other in a circle: every writer of a rollup takes its counties' locks first (loaders,
     * which fill a campaign before anyone else can use it, take none).
     */
    static void lock(Connection connection, Collection<Footprint.Scope> scopes) throws SQLException {
        for (Footprint.Scope scope : new java.util.TreeSet<>(scopes)) {
            query(connection, "SELECT campaign_id FROM campaign_county WHERE campaign_id = ? AND county_code = ? FOR UPDATE",
                    List.of(scope.campaignId(), scope.countyCode()), row -> { });
        }
    }

    static <K> List<List<K>> chunks(Collection<K> keys) {
        List<K> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        List<List<K>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value);
        }
        return statement;
    }
}

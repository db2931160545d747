package countylive.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every rollup, as text, as stored and as a rebuild from the source tables computes
 * it: the consistency tests compare the two after each way of changing campaign data.
 */
public final class RollupRows {

    static final List<String> ROLLUPS = List.of("session_sales", "county_day_sales", "county_sales", "host_sales",
            "official_sales", "product_sales", "county_people", "host_day_sales", "official_day_sales", "product_day_sales",
            "product_week_sales", "county_reach");

    private RollupRows() {
    }

    /** The rollups as they are. */
    public static Map<String, List<String>> stored(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return rows(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rollups as a rebuild of every campaign from scratch makes them (the rebuild is rolled back). */
    public static Map<String, List<String>> rebuilt(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> campaigns = new ArrayList<>();
                Jdbc.query(connection, "SELECT id FROM campaign", List.of(), row -> campaigns.add(row.getLong(1)));
                for (long campaign : campaigns) {
                    Rollups.rebuild(connection, campaign);
                }
                // across campaigns: all of it, so a county left with a stale row shows too
                PeopleRollup.rebuildReach(connection);
                return rows(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> rows(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : ROLLUPS) {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(c > 1 ? " " : "").append(result.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }
}

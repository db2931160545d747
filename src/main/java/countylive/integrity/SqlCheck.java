package countylive.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A check that is one SELECT of the offending records, in order: its columns are the arguments of
 * the message {@code integrity.<code>.finding}, the first of them the id of the record the finding
 * links to ({@code link} with {@code %s} for it). It is read up to one past a page;
 * only a longer result is counted, and that by the database.
 */
record SqlCheck(String code, Severity severity, String link, String sql, List<Object> parameters)
        implements IntegrityCheck {

    SqlCheck(String code, Severity severity, String link, String sql) {
        this(code, severity, link, sql, List.of());
    }

    @Override
    public Found find(Connection connection, int shown) throws SQLException {
        List<Finding> first = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql + " LIMIT " + (shown + 1));
             ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> arguments = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    arguments.add(rows.getString(column));
                }
                first.add(new Finding("integrity." + code + ".finding", link.formatted(rows.getString(1)), arguments, null));
            }
        }
        if (first.size() <= shown) {
            return new Found(first.size(), first);
        }
        try (PreparedStatement statement = prepare(connection, "SELECT COUNT(*) FROM (" + sql + ") found");
             ResultSet count = statement.executeQuery()) {
            count.next();
            return new Found(count.getLong(1), first.subList(0, shown));
        }
    }

    private PreparedStatement prepare(Connection connection, String text) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}

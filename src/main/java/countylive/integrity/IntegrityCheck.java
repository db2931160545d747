package countylive.integrity;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One check of the data, run in SQL: only the offending records it lists (at most {@code shown})
 * and their count come back, never every row. Its texts are {@code integrity.<code>.title},
 * {@code .what} (what to do) and the keys of its findings.
 */
public interface IntegrityCheck {

    String code();

    Severity severity();

    Found find(Connection connection, int shown) throws SQLException;
}

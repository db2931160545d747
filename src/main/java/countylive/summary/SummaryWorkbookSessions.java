package countylive.summary;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static countylive.summary.Sql.date;
import static countylive.summary.Sql.longOrNull;
import static countylive.summary.Sql.money;

/**
 * The workbook's session list, read as a stream: the same rows in the same order as
 * {@link SummaryQueries#sessions(SummaryFilter, int)}, handed over one at a time instead of as a
 * list, because 50,000 sessions (a campaign of a million lines) held at once, with the driver's
 * copy of the result, take more than a 64 MB heap.
 */
@Singleton
class SummaryWorkbookSessions {

    private final DataSource dataSource;

    SummaryWorkbookSessions(DataSource dataSource, DataSourceResolver resolver) {
        // the plain pool: the workbook is written outside any transaction of the request
        this.dataSource = resolver.resolve(dataSource);
    }

    /** The first {@code limit} sessions in time order, each with its sales, one after the other. */
    void forEach(SummaryFilter filter, int limit, Consumer<Rows.Session> each) throws SQLException {
        List<Object> p = new ArrayList<>();
        String sessions = SummaryQueries.scope("s", filter, p);
        p.add(limit);
        // the same rows as the page's query, read in the order of ix_live_session_campaign_start with
        // each session's county and sales looked up by key: no temporary table and no sort, so the
        // first rows arrive at once (the page's form, a derived table then a sort, waits for all)
        String sql = "SELECT s.id, s.live_date, s.county_code, c.name AS county_name, s.platform,"
                + " TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at) / 3600 AS hours,"
                + " s.views, s.unique_viewers, s.peak_viewers,"
                + " COALESCE(t.units, 0) AS units, COALESCE(t.orders, 0) AS orders,"
                + " t.gross, t.refunds"
                + " FROM live_session s FORCE INDEX (ix_live_session_campaign_start)"
                + " STRAIGHT_JOIN county c ON c.code = s.county_code"
                + " LEFT JOIN session_sales t ON t.session_id = s.id"
                + " WHERE " + sessions
                + " ORDER BY s.live_date, s.starts_at, s.id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                     ResultSet.CONCUR_READ_ONLY)) {
            // Connector/J streams row by row only with this fetch size
            statement.setFetchSize(Integer.MIN_VALUE);
            for (int i = 0; i < p.size(); i++) {
                Object value = p.get(i);
                statement.setObject(i + 1, value instanceof java.time.LocalDate day ? java.sql.Date.valueOf(day) : value);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    each.accept(new Rows.Session(row.getLong("id"), date(row, "live_date"), row.getString("county_code"),
                            row.getString("county_name"), row.getString("platform"), row.getBigDecimal("hours"),
                            longOrNull(row, "views"), longOrNull(row, "unique_viewers"), longOrNull(row, "peak_viewers"),
                            row.getLong("units"), row.getLong("orders"), money(row, "gross"), money(row, "refunds")));
                }
            }
        }
    }
}

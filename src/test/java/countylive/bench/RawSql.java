package countylive.bench;

import io.micronaut.core.annotation.Nullable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines of the summary and the overview: their figures summed straight from sale_line
 * (and the session links for hosts) with a plain GROUP BY, no rollup, every row read to the end.
 */
final class RawSql {

    /** A summary's filter: a date range, or a province. */
    record Filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String province) {
    }

    private static final String FIGURES = "COUNT(*), SUM(l.units), SUM(l.orders), SUM(l.gross), SUM(l.refunds)";

    private final DataSource db;

    RawSql(DataSource db) {
        this.db = db;
    }

    /** The summary's figures: headline, by county, by day, by product, by host. */
    void summary(long campaign, @Nullable Filter filter) throws SQLException {
        String where = "l.campaign_id = ?";
        List<Object> parameters = new ArrayList<>(List.of(campaign));
        if (filter != null && filter.from() != null) {
            where += " AND l.live_date BETWEEN ? AND ?";
            parameters.add(java.sql.Date.valueOf(filter.from()));
            parameters.add(java.sql.Date.valueOf(filter.to()));
        }
        if (filter != null && filter.province() != null) {
            where += " AND l.county_code IN (SELECT code FROM county WHERE province_code = ?)";
            parameters.add(filter.province());
        }
        try (Connection c = db.getConnection()) {
            drain(c, "SELECT " + FIGURES + ", COUNT(DISTINCT l.session_id) FROM sale_line l WHERE " + where, parameters);
            drain(c, "SELECT l.county_code, " + FIGURES + " FROM sale_line l WHERE " + where + " GROUP BY l.county_code",
                    parameters);
            drain(c, "SELECT l.live_date, " + FIGURES + " FROM sale_line l WHERE " + where + " GROUP BY l.live_date",
                    parameters);
            drain(c, "SELECT l.product_id, " + FIGURES + " FROM sale_line l WHERE " + where + " GROUP BY l.product_id",
                    parameters);
            drain(c, "SELECT h.host_id, " + FIGURES + " FROM sale_line l JOIN live_session_host h"
                    + " ON h.session_id = l.session_id WHERE " + where + " GROUP BY h.host_id", parameters);
        }
    }

    /** The overview's figures: by campaign and by province, over every line. */
    void national() throws SQLException {
        try (Connection c = db.getConnection()) {
            drain(c, "SELECT l.campaign_id, " + FIGURES + " FROM sale_line l GROUP BY l.campaign_id", List.of());
            drain(c, "SELECT c.province_code, " + FIGURES + " FROM sale_line l JOIN county c ON c.code = l.county_code"
                    + " GROUP BY c.province_code", List.of());
        }
    }

    private static void drain(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rows.getObject(i);
                    }
                }
            }
        }
    }
}

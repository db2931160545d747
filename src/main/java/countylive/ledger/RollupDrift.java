package countylive.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares the stored rollup rows of campaigns with what the ledger's own statements would
 * recompute from the entries now, in SQL and without writing anything: the integrity check
 * "rollup drift". The rollups that the ledger fills from session_sales are recomputed here from a
 * recomputed session_sales, so each row is compared with the entries alone, and a wrong
 * session_sales row shows as itself only. A difference means the rollups were changed outside the
 * application, or a writer forgot them; the repair is {@link Ledger#rebuild}.
 */
public final class RollupDrift {

    /** One rollup row that differs from its recomputation, is missing, or should not be there. */
    public record Row(String rollup, long campaignId, String key, Problem problem) {
    }

    public enum Problem {
        /** stored, with other figures than a recomputation gives */
        DIFFERS,
        /** a recomputation has the row, the table does not */
        MISSING,
        /** stored, but a recomputation has no such row */
        EXTRA
    }

    /** How many rows drifted in all, and the first of them. */
    public record Found(long count, List<Row> first) {
    }

    /** A rollup table, its key and value columns, and the SELECT that recomputes it (with %s for the campaigns). */
    private record Rollup(String table, List<String> keys, List<String> values, String recompute) {
    }

    /** session_sales as the entries of the campaigns make it. */
    private static final String SESSIONS = select(Rollups.SESSIONS).formatted("WHERE l.campaign_id IN (%s)");

    private static final List<Rollup> ROLLUPS = List.of(
            new Rollup("session_sales", List.of("session_id"),
                    List.of("campaign_id", "county_code", "live_date", "line_count", "units", "orders", "gross", "refunds"),
                    SESSIONS),
            new Rollup("county_day_sales", List.of("campaign_id", "county_code", "live_date"),
                    List.of("sessions", "live_seconds", "views", "sessions_with_views", "peak_viewers", "units", "orders",
                            "gross", "refunds", "gross_with_views"),
                    fromEntries(select(Rollups.COUNTY_DAYS.insert()).formatted("s.campaign_id IN (%s)"))),
            new Rollup("county_sales", List.of("campaign_id", "county_code"),
                    List.of("sessions", "live_seconds", "views", "sessions_with_views", "peak_viewers", "units", "orders",
                            "gross", "refunds", "gross_with_views"),
                    select(Rollups.COUNTY_TOTALS).formatted("(" + fromEntries(select(Rollups.COUNTY_DAYS.insert())
                            .formatted("s.campaign_id IN (%s)")) + ")")),
            new Rollup("host_sales", List.of("campaign_id", "host_id", "county_code"),
                    List.of("sessions", "units", "gross", "refunds", "views"),
                    fromEntries(select(Rollups.HOSTS.insert()).formatted("s.campaign_id IN (%s)"))),
            new Rollup("official_sales", List.of("campaign_id", "official_id", "county_code"),
                    List.of("sessions", "units", "gross", "refunds", "views"),
                    fromEntries(select(Rollups.OFFICIALS.insert()).formatted("s.campaign_id IN (%s)"))),
            new Rollup("product_sales", List.of("campaign_id", "product_id", "county_code"),
                    List.of("line_count", "units", "orders", "gross", "refunds"),
                    select(Rollups.PRODUCT_COUNTIES.insert()).formatted("l.campaign_id IN (%s)")),
            new Rollup("host_day_sales", List.of("campaign_id", "live_date", "county_code", "host_id"),
                    List.of("sessions", "units", "gross", "refunds", "views"),
                    fromEntries(select(Rollups.HOST_DAYS.insert()).formatted("s.campaign_id IN (%s)"))),
            new Rollup("official_day_sales", List.of("campaign_id", "live_date", "county_code", "official_id"),
                    List.of("sessions", "units", "gross", "refunds", "views"),
                    fromEntries(select(Rollups.OFFICIAL_DAYS.insert()).formatted("s.campaign_id IN (%s)"))),
            new Rollup("product_day_sales", List.of("campaign_id", "live_date", "county_code", "product_id"),
                    List.of("line_count", "units", "orders", "gross", "refunds"),
                    select(Rollups.PRODUCT_DAYS.insert()).formatted("l.campaign_id IN (%s)")),
            new Rollup("product_week_sales", List.of("campaign_id", "week_start", "county_code", "product_id"),
                    List.of("line_count", "units", "orders", "gross", "refunds"),
                    select(Rollups.PRODUCT_WEEKS.insert()).formatted("l.campaign_id IN (%s)")),
            new Rollup("county_people", List.of("campaign_id", "county_code"), List.of("households", "people"),
                    select(PeopleRollup.CAMPAIGNS).formatted("campaign_id IN (%s)")));

    /** The campaigns whose data changed in the last day: by the ledger (its audit entries) or as campaigns. */
    private static final String CHANGED_CAMPAIGNS = """
            SELECT id FROM campaign WHERE updated_at >= NOW() - INTERVAL 1 DAY
            UNION
            SELECT cc.campaign_id FROM campaign_county cc WHERE cc.county_code IN (
                SELECT a.county_code FROM audit_event a WHERE a.occurred_at >= NOW() - INTERVAL 1 DAY
                  AND a.entity_type IN ('live_session', 'sale_line', 'household', 'beneficiary_link', 'sale_import'))""";

    private RollupDrift() {
    }

    /** The campaigns whose data changed in the last day, in order. */
    public static List<Long> changedCampaigns(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Jdbc.query(connection, CHANGED_CAMPAIGNS, List.of(), row -> ids.add(row.getLong(1)));
        ids.sort(null);
        return ids;
    }

    /** Every rollup row of these campaigns that drifted: how many, and the first {@code shown}. */
    public static Found of(Connection connection, List<Long> campaignIds, int shown) throws SQLException {
        if (campaignIds.isEmpty()) {
            return new Found(0, List.of());
        }
        // ids read from the database, not typed by anyone: safe to write into the statement
        String campaigns = campaignIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        long count = 0;
        List<Row> first = new ArrayList<>();
        for (Rollup rollup : ROLLUPS) {
            String drift = drift(rollup, campaigns);
            int before = first.size();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(drift + " ORDER BY campaign_id, row_key LIMIT " + (shown + 1))) {
                while (rows.next()) {
                    first.add(new Row(rollup.table(), rows.getLong(2), rows.getString(3), Problem.valueOf(rows.getString(1))));
                }
            }
            int listed = first.size() - before;
            if (listed > shown) {
                // more than a page: count them in the database rather than reading them all
                try (Statement statement = connection.createStatement();
                     ResultSet total = statement.executeQuery("SELECT COUNT(*) FROM (" + drift + ") counted")) {
                    total.next();
                    count += total.getLong(1);
                }
            } else {
                count += listed;
            }
        }
        return new Found(count, List.copyOf(first.subList(0, Math.min(first.size(), shown))));
    }

    /** problem, campaign_id, row_key of every drifted row of one rollup. */
    private static String drift(Rollup rollup, String campaigns) {
        String recompute = rollup.recompute().replace("%s", campaigns);
        String join = rollup.keys().stream().map(key -> "s." + key + " = r." + key).collect(Collectors.joining(" AND "));
        String same = rollup.values().stream().map(value -> "s." + value + " <=> r." + value)
                .collect(Collectors.joining(" AND "));
        String firstKey = rollup.keys().get(0);
        return """
                SELECT CASE WHEN r.%4$s IS NULL THEN 'EXTRA' ELSE 'DIFFERS' END AS problem, s.campaign_id AS campaign_id,
                       CONCAT_WS(' ', %5$s) AS row_key
                FROM %1$s s LEFT JOIN (%2$s) r ON %3$s
                WHERE s.campaign_id IN (%7$s) AND (r.%4$s IS NULL OR NOT (%6$s))
                UNION ALL
                SELECT 'MISSING', r.campaign_id, CONCAT_WS(' ', %8$s)
                FROM (%2$s) r LEFT JOIN %1$s s ON %3$s
                WHERE s.%4$s IS NULL""".formatted(rollup.table(), recompute, join, firstKey,
                rollup.keys().stream().map(key -> "s." + key).collect(Collectors.joining(", ")), same, campaigns,
                rollup.keys().stream().map(key -> "r." + key).collect(Collectors.joining(", ")));
    }

    private static String select(String insert) {
        return insert.substring(insert.indexOf("SELECT"));
    }

    /** The statement, reading a recomputed session_sales instead of the stored one. */
    private static String fromEntries(String select) {
        String stored = "LEFT JOIN session_sales t";
        if (!select.contains(stored)) {
            throw new IllegalStateException("a rollup that reads session_sales no longer reads it as expected: " + select);
        }
        return select.replace(stored, "LEFT JOIN (" + SESSIONS + ") t");
    }
}

package countylive.platform;

import countylive.host.Platform;
import countylive.ledger.LineFigures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a preview matches the files against: sessions, hosts, products and lines, read only. */
@Singleton
public class PlatformLookups {

    /** A session that may be the one a file describes, with what matching and the preview need. */
    public record Candidate(long id, String countyCode, String countyName, LocalDateTime startsAt, LocalDateTime endsAt,
                     @Nullable Long views, @Nullable Long uniqueViewers, @Nullable Long peakViewers,
                     @Nullable Long newFollowers, @Nullable String account, @Nullable String platformSessionId,
                     Set<String> handles, Set<Long> hostIds) {
    }

    public record ProductRow(long id, String name, @Nullable BigDecimal referencePrice) {
    }

    public record HostRow(long id, String name, String handle) {
    }

    private static final String CANDIDATE = """
            SELECT s.id, s.county_code, c.name, s.starts_at, s.ends_at, s.views, s.unique_viewers, s.peak_viewers,
                   s.new_followers, p.account, p.platform_session_id
            FROM live_session s JOIN county c ON c.code = s.county_code
                 LEFT JOIN live_session_platform p ON p.session_id = s.id
            WHERE s.campaign_id = ? AND s.platform = ?""";

    private final JdbcOperations jdbc;

    PlatformLookups(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's sessions on the platform starting within the window, in every county. */
    @Transactional(readOnly = true)
    List<Candidate> startingBetween(long campaignId, Platform platform, LocalDateTime from, LocalDateTime to) {
        return candidates(CANDIDATE + " AND s.starts_at BETWEEN ? AND ? ORDER BY s.starts_at, s.id", statement -> {
            statement.setLong(1, campaignId);
            statement.setString(2, platform.name());
            statement.setObject(3, from);
            statement.setObject(4, to);
        });
    }

    /** The campaign's sessions an earlier import matched to the platform's session id. */
    @Transactional(readOnly = true)
    List<Candidate> withPlatformId(long campaignId, Platform platform, String platformSessionId) {
        return candidates(CANDIDATE + " AND p.platform_session_id = ? ORDER BY s.id", statement -> {
            statement.setLong(1, campaignId);
            statement.setString(2, platform.name());
            statement.setString(3, platformSessionId);
        });
    }

    @Transactional(readOnly = true)
    List<ProductRow> products(String countyCode) {
        return jdbc.prepareStatement("SELECT id, name, reference_price FROM product WHERE county_code = ? ORDER BY name",
                statement -> {
                    statement.setString(1, countyCode);
                    List<ProductRow> rows = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            rows.add(new ProductRow(row.getLong(1), row.getString(2), row.getBigDecimal(3)));
                        }
                    }
                    return rows;
                });
    }

    /** The County Live products each platform product id was matched to before. */
    @Transactional(readOnly = true)
    Map<String, List<Long>> remembered(Platform platform, Collection<String> externalIds) {
        Map<String, List<Long>> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(externalIds));
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.prepareStatement("SELECT external_id, product_id FROM platform_product WHERE platform = ? AND external_id IN ("
                + marks + ") ORDER BY created_at, product_id", statement -> {
            statement.setString(1, platform.name());
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 2, ids.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.computeIfAbsent(row.getString(1), key -> new ArrayList<>()).add(row.getLong(2));
                }
            }
            return null;
        });
        return found;
    }

    @Transactional(readOnly = true)
    List<HostRow> hosts(Platform platform) {
        return jdbc.prepareStatement("SELECT id, name, handle FROM host WHERE platform = ? ORDER BY name, id", statement -> {
            statement.setString(1, platform.name());
            List<HostRow> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new HostRow(row.getLong(1), row.getString(2), row.getString(3)));
                }
            }
            return rows;
        });
    }

    /** A session's lines by product. */
    @Transactional(readOnly = true)
    Map<Long, LineFigures> lines(long sessionId) {
        return jdbc.prepareStatement("SELECT product_id, units, orders, gross, refunds FROM sale_line WHERE session_id = ?",
                statement -> {
                    statement.setLong(1, sessionId);
                    Map<Long, LineFigures> lines = new LinkedHashMap<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            lines.put(row.getLong(1), new LineFigures(row.getLong(2), row.getLong(3),
                                    row.getBigDecimal(4), row.getBigDecimal(5)));
                        }
                    }
                    return lines;
                });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Candidate> candidates(String sql, Binder binder) {
        List<Candidate> found = jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<Candidate> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Candidate(row.getLong(1), row.getString(2), row.getString(3),
                            row.getObject(4, LocalDateTime.class), row.getObject(5, LocalDateTime.class),
                            nullable(row, 6), nullable(row, 7), nullable(row, 8), nullable(row, 9), row.getString(10),
                            row.getString(11), new LinkedHashSet<>(), new LinkedHashSet<>()));
                }
            }
            return rows;
        });
        for (Candidate candidate : found) {
            jdbc.prepareStatement("SELECT h.id, h.handle FROM live_session_host sh JOIN host h ON h.id = sh.host_id"
                    + " WHERE sh.session_id = ?", statement -> {
                statement.setLong(1, candidate.id());
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        candidate.hostIds().add(row.getLong(1));
                        candidate.handles().add(row.getString(2));
                    }
                }
                return null;
            });
        }
        return found;
    }

    private static @Nullable Long nullable(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}

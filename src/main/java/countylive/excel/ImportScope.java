package countylive.excel;

import countylive.access.CurrentUser;
import countylive.campaign.CampaignStatus;
import countylive.ledger.ImportOutcome;
import countylive.ledger.LineFigures;
import countylive.web.RecordNotFoundException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The campaign an import goes into and the counties of it the user may import for. */
@Singleton
public class ImportScope {

    /** @param counties code → name of the participating counties the user may edit, in code order */
    public record Scope(long campaignId, String campaignName, boolean closed, Map<String, String> counties) {
    }

    /** A line an import changed, named as the report shows it. */
    record ChangeRow(long sessionId, String session, String product, LineFigures before, LineFigures after) {
    }

    /** A session an import wrote lines of, named by its start, for a link to its grid. */
    record SessionLink(long id, String name) {
    }

    /** The report lists this many changed lines; the lines' own histories keep them all. */
    static final int CHANGES_SHOWN = 200;

    private final JdbcOperations jdbc;

    ImportScope(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws RecordNotFoundException when the campaign does not exist or has none of the user's counties */
    @Transactional(readOnly = true)
    public Scope of(CurrentUser user, long campaignId) {
        Scope scope = jdbc.prepareStatement("""
                SELECT c.name, c.status, cc.county_code, co.name
                FROM campaign c JOIN campaign_county cc ON cc.campaign_id = c.id JOIN county co ON co.code = cc.county_code
                WHERE c.id = ? ORDER BY cc.county_code""", statement -> {
            statement.setLong(1, campaignId);
            String name = null;
            boolean closed = false;
            Map<String, String> counties = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    name = rows.getString(1);
                    closed = CampaignStatus.valueOf(rows.getString(2)) == CampaignStatus.CLOSED;
                    if (user.mayEdit(rows.getString(3))) {
                        counties.put(rows.getString(3), rows.getString(4));
                    }
                }
            }
            return name == null ? null : new Scope(campaignId, name, closed, counties);
        });
        if (scope == null || scope.counties().isEmpty()) {
            throw new RecordNotFoundException("campaign", campaignId);
        }
        return scope;
    }

    /** Whether this very file was imported into the campaign and county before (the ledger checks again). */
    @Transactional(readOnly = true)
    boolean importedBefore(long campaignId, String countyCode, String sha256) {
        return jdbc.prepareStatement("SELECT 1 FROM sale_import WHERE campaign_id = ? AND county_code = ? AND file_sha256 = ?",
                statement -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, countyCode);
                    statement.setString(3, sha256);
                    try (ResultSet result = statement.executeQuery()) {
                        return result.next();
                    }
                });
    }

    /** The first lines an import changed, with their sessions' times and their products' names. */
    @Transactional(readOnly = true)
    List<ChangeRow> changes(ImportOutcome outcome) {
        List<ImportOutcome.Changed> shown = outcome.changed().stream().limit(CHANGES_SHOWN).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<Long, String> sessions = names("SELECT id, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i') FROM live_session WHERE id IN ",
                shown.stream().map(ImportOutcome.Changed::sessionId).distinct().toList());
        Map<Long, String> products = names("SELECT id, name FROM product WHERE id IN ",
                shown.stream().map(ImportOutcome.Changed::productId).distinct().toList());
        return shown.stream().map(c -> new ChangeRow(c.sessionId(), sessions.getOrDefault(c.sessionId(), "#" + c.sessionId()),
                products.getOrDefault(c.productId(), "#" + c.productId()), c.before(), c.after())).toList();
    }

    /** The sessions whose lines an import created or changed, in file order, the first CHANGES_SHOWN. */
    @Transactional(readOnly = true)
    List<SessionLink> sessionsWritten(ImportOutcome outcome) {
        List<Long> ids = outcome.sessionsWritten().stream().limit(CHANGES_SHOWN).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = names("SELECT id, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i') FROM live_session WHERE id IN ",
                ids);
        return ids.stream().map(id -> new SessionLink(id, names.getOrDefault(id, "#" + id))).toList();
    }

    private Map<Long, String> names(String sql, List<Long> ids) {
        return jdbc.prepareStatement(sql + "(" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                statement -> {
                    for (int i = 0; i < ids.size(); i++) {
                        statement.setLong(i + 1, ids.get(i));
                    }
                    Map<Long, String> names = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            names.put(rows.getLong(1), rows.getString(2));
                        }
                    }
                    return names;
                });
    }
}

package countylive.excel;

import countylive.account.CurrentUser;
import countylive.web.RecordNotFoundException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The campaign an import goes into and the counties of it the user may import for. */
@Singleton
class ImportScope {

    /** @param counties code → name of the participating counties the user may edit, in code order */
    record Scope(long campaignId, String campaignName, boolean closed, Map<String, String> counties) {
    }

    private final JdbcOperations jdbc;

    ImportScope(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws RecordNotFoundException when the campaign does not exist or has none of the user's counties */
    @Transactional(readOnly = true)
    Scope of(CurrentUser user, long campaignId) {
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
                    closed = "CLOSED".equals(rows.getString(2));
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
}

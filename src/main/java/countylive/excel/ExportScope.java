package countylive.excel;

import countylive.account.CurrentUser;
import countylive.web.RecordNotFoundException;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which campaign and which of its counties a user may download. */
@Singleton
class ExportScope {

    /** A campaign as a download needs it: its name, and the counties whose rows the user gets (null: all). */
    record CampaignScope(long id, String name, Set<String> counties) {
    }

    private final DataSource dataSource;

    ExportScope(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    /** @throws RecordNotFoundException when the campaign does not exist or is none of a coordinator's */
    CampaignScope of(CurrentUser user, long campaignId) {
        try (Connection connection = dataSource.getConnection()) {
            String name = null;
            try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM campaign WHERE id = ?")) {
                statement.setLong(1, campaignId);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        name = row.getString(1);
                    }
                }
            }
            if (name == null) {
                throw new RecordNotFoundException("campaign", campaignId);
            }
            if (!user.countyCodes().isEmpty() && user.role() == countylive.account.Role.COORDINATOR) {
                Set<String> mine = new TreeSet<>();
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT county_code FROM campaign_county WHERE campaign_id = ?")) {
                    statement.setLong(1, campaignId);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            if (user.countyCodes().contains(rows.getString(1))) {
                                mine.add(rows.getString(1));
                            }
                        }
                    }
                }
                if (mine.isEmpty()) {
                    throw new RecordNotFoundException("campaign", campaignId);
                }
                return new CampaignScope(campaignId, name, mine);
            }
            if (user.role() == countylive.account.Role.COORDINATOR) {
                throw new RecordNotFoundException("campaign", campaignId);
            }
            return new CampaignScope(campaignId, name, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(Set<String> codes) {
        return codes == null ? null : new ArrayList<>(codes);
    }
}

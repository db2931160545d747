package countylive.audit;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the records that entries refer to by id: one read-only query per table with all the ids
 * of a page in its IN list, whatever the number of entries. Plain SQL on purpose: the trail
 * reads these tables without depending on the features that own them.
 */
@Singleton
class RecordNames {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Per record type: the query (id and name, the ids where {@code ?*} stands) and whether ids are numbers. */
    private record Lookup(String sql, boolean numeric) {
    }

    private static final Map<RecordType, Lookup> LOOKUPS = new EnumMap<>(Map.ofEntries(
            Map.entry(RecordType.ACCOUNT, new Lookup("SELECT id, display_name FROM app_user WHERE id IN (?*)", true)),
            Map.entry(RecordType.CAMPAIGN, new Lookup("SELECT id, name FROM campaign WHERE id IN (?*)", true)),
            Map.entry(RecordType.PARTNER, new Lookup("SELECT id, name FROM partner WHERE id IN (?*)", true)),
            Map.entry(RecordType.COUNTY, new Lookup("SELECT code, name FROM county WHERE code IN (?*)", false)),
            Map.entry(RecordType.HOST, new Lookup("SELECT id, name FROM host WHERE id IN (?*)", true)),
            Map.entry(RecordType.OFFICIAL, new Lookup("SELECT id, name FROM official WHERE id IN (?*)", true)),
            Map.entry(RecordType.PRODUCT, new Lookup("SELECT id, name FROM product WHERE id IN (?*)", true)),
            Map.entry(RecordType.HOUSEHOLD, new Lookup("SELECT id, registration_no FROM household WHERE id IN (?*)", true)),
            // a session is known by when and where it was live
            Map.entry(RecordType.LIVE_SESSION, new Lookup("""
                    SELECT s.id, s.starts_at, c.name FROM live_session s JOIN county c ON c.code = s.county_code
                    WHERE s.id IN (?*)""", true)),
            // a sale line by its product (its session is the page it is shown on)
            Map.entry(RecordType.SALE_LINE, new Lookup("""
                    SELECT l.id, p.name FROM sale_line l JOIN product p ON p.id = l.product_id
                    WHERE l.id IN (?*)""", true)),
            // a link by its campaign and, when it has one, its product
            Map.entry(RecordType.BENEFICIARY_LINK, new Lookup("""
                    SELECT k.id, CONCAT_WS(' · ', c.name, p.name) FROM beneficiary_link k
                    JOIN campaign c ON c.id = k.campaign_id LEFT JOIN product p ON p.id = k.product_id
                    WHERE k.id IN (?*)""", true))));

    private final DataSource dataSource;

    RecordNames(DataSource dataSource, DataSourceResolver resolver) {
        // the plain pool: these reads need no transaction
        this.dataSource = resolver.resolve(dataSource);
    }

    /** Whether records of this type have a name to look up. */
    static boolean named(RecordType type) {
        return LOOKUPS.containsKey(type);
    }

    /** The names of the given records; ids that name nothing (deleted, malformed) are left out. */
    Names find(Map<RecordType, Set<String>> ids) {
        Map<RecordType, Map<String, String>> found = new EnumMap<>(RecordType.class);
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<RecordType, Set<String>> wanted : ids.entrySet()) {
                Lookup lookup = LOOKUPS.get(wanted.getKey());
                if (lookup == null) {
                    continue;
                }
                List<String> valid = wanted.getValue().stream()
                        .filter(id -> (lookup.numeric() ? NUMBER : COUNTY_CODE).matcher(id).matches()).toList();
                if (!valid.isEmpty()) {
                    found.put(wanted.getKey(), query(connection, wanted.getKey(), lookup, valid));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("naming the records of the audit trail failed: " + e.getMessage(), e);
        }
        return new Names(found);
    }

    private static Map<String, String> query(Connection connection, RecordType type, Lookup lookup,
                                             Collection<String> ids) throws SQLException {
        String sql = lookup.sql().replace("?*", String.join(", ", ids.stream().map(id -> "?").toList()));
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (String id : ids) {
                if (lookup.numeric()) {
                    statement.setLong(index++, Long.parseLong(id));
                } else {
                    statement.setString(index++, id);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), type == RecordType.LIVE_SESSION
                            ? rows.getObject(2, LocalDateTime.class).format(MINUTES) + " · " + rows.getString(3)
                            : rows.getString(2));
                }
            }
        }
        return names;
    }
}

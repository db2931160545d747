package countylive.support;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.account.AppUserAccess;
import countylive.ledger.Ledger;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Test data through small named builders, on the real database. {@link #clean()} empties every
 * table a test may fill, children first; the region tables stay as the migrations loaded them.
 */
@Singleton
public class Fixtures {

    public static final String PASSWORD = "test-password-1";
    /** Who writes test data through the ledger: a program, as the demo loader is. */
    public static final CurrentUser LOADER = CurrentUser.system("fixtures");

    /** Business tables, children before parents. */
    private static final List<String> TABLES = List.of(
            "county_reach", "platform_preview_file", "platform_preview", "platform_product", "audit_event", "sale_import", "form_submission", "login_throttle", "login_session",
            "beneficiary_link", "household", "sale_line", "live_session_official", "live_session_host",
            "live_session", "product", "host", "official", "campaign_county", "campaign_partner", "campaign",
            "partner", "user_county", "app_user", "integrity_check");

    private final DataSource dataSource;
    private final AppUserAccess users;
    private final Ledger ledger;

    public Fixtures(DataSource dataSource, DataSourceResolver resolver, AppUserAccess users, Ledger ledger) {
        // the plain pool: the injected one is bound to Micronaut's transactions
        this.dataSource = resolver.resolve(dataSource);
        this.users = users;
        this.ledger = ledger;
    }

    /** The one way campaign data change: test data of sessions, lines and households goes through it too. */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * Empties the business tables in one transaction. On a Galera cluster a delete per transaction
     * let another node apply a parent's delete (whose cascade found nothing here) in parallel with the
     * delete of its children, and its appliers then waited on each other for good; one write set is
     * applied as one.
     */
    public void clean() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String table : TABLES) {
                    statement.executeUpdate("DELETE FROM " + table);
                }
                // the national poverty counties as the migration ships them (those with an exit year), no others
                statement.executeUpdate("UPDATE county SET poverty_county = (poverty_exit_year IS NOT NULL)"
                        + " WHERE poverty_county <> (poverty_exit_year IS NOT NULL)");
                statement.executeUpdate(RAISE_MASTER_VERSION);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long admin(String username) {
        return users.create(username, Role.ADMIN, PASSWORD, List.of());
    }

    public long association(String username) {
        return users.create(username, Role.ASSOCIATION, PASSWORD, List.of());
    }

    public long coordinatorOf(String username, String... countyCodes) {
        return users.create(username, Role.COORDINATOR, PASSWORD, List.of(countyCodes));
    }

    /** A connection outside any transaction, for reading back what a request wrote. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The first column of every row of a query, as text. */
    public List<String> column(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a change made outside the application must do for the summaries' caches to see it (as
     * the application's own master-data changes do through the audit trail): raise the master version.
     */
    private static final String RAISE_MASTER_VERSION =
            "UPDATE data_version SET version = version + 1 WHERE name = 'master'";

    private static void raiseMasterVersion(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(RAISE_MASTER_VERSION)) {
            statement.executeUpdate();
        }
    }

    /** Runs one statement, e.g. to set up what a test needs; the summaries' caches see the change. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            int changed = statement.executeUpdate();
            if (changed > 0) {
                raiseMasterVersion(connection);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single value, e.g. a count. */
    public String value(String sql, Object... parameters) {
        List<String> values = column(sql, parameters);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + values);
        }
        return values.get(0);
    }
}

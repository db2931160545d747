package countylive.database;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The driver settings of application.yml reach the driver: it reads them as strings and would
 * silently ignore a YAML boolean, leaving batches unrewritten (one statement per row). So do the
 * pool's timeouts, which make a database that is down a 503 within seconds.
 */
@MicronautTest(transactional = false)
class DriverSettingsTest {

    @Inject
    countylive.support.Fixtures fixtures;

    @Test
    void batchesAreRewrittenIntoMultiRowStatementsAndPreparedStatementsAreCached() throws Exception {
        try (Connection connection = fixtures.dataSource().getConnection()) {
            var settings = connection.unwrap(JdbcConnection.class).getPropertySet();
            assertEquals(true, settings.getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue());
            assertEquals(true, settings.getBooleanProperty(PropertyKey.cachePrepStmts).getValue());
            assertEquals(false, settings.getBooleanProperty(PropertyKey.useServerPrepStmts).getValue());
        }
    }

    @Test
    void aDatabaseThatIsDownIsNoticedWithinSeconds() throws Exception {
        try (Connection connection = fixtures.dataSource().getConnection()) {
            var settings = connection.unwrap(JdbcConnection.class).getPropertySet();
            assertEquals(2000, settings.getIntegerProperty(PropertyKey.connectTimeout).getValue());
        }
        HikariDataSource pool = fixtures.dataSource().unwrap(HikariDataSource.class);
        assertEquals(3000, pool.getConnectionTimeout());
        assertEquals(1000, pool.getValidationTimeout());
    }
}

package countylive.database;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The database's part of {@code /health}, answered within a second. Micronaut's own check waits
 * for a pooled connection as long as a page does (3 s while the database is down) and runs once
 * per request; a load balancer wants DOWN at once, and many callers must not tie up many threads.
 * So one check runs at a time, every caller meanwhile shares it, and a check that has no
 * connection after a second is DOWN. Administrators see the database's name and version.
 */
@Singleton
@Replaces(JdbcIndicator.class)
@Requires(beans = {HealthEndpoint.class, DataSource.class})
class DatabaseHealth implements HealthIndicator {

    private static final String NAME = "jdbc";
    private static final Duration LIMIT = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ExecutorService blocking;
    private CompletableFuture<HealthResult> running;

    DatabaseHealth(DataSource dataSource, @Nullable DataSourceResolver resolver,
                   @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        // the plain pool: the injected one is bound to Micronaut's transactions
        this.dataSource = (resolver == null ? DataSourceResolver.DEFAULT : resolver).resolve(dataSource);
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromFuture(check(), true)
                .timeout(LIMIT, Mono.fromSupplier(() -> HealthResult.builder(NAME, HealthStatus.DOWN)
                        .details(Map.of("error", "no database connection within " + LIMIT.toMillis() + " ms"))
                        .build()));
    }

    private synchronized CompletableFuture<HealthResult> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::probe, blocking);
        }
        return running;
    }

    private HealthResult probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) LIMIT.toSeconds())) {
                throw new SQLException("the connection is not valid");
            }
            DatabaseMetaData database = connection.getMetaData();
            return HealthResult.builder(NAME, HealthStatus.UP)
                    .details(Map.of("database", database.getDatabaseProductName(),
                            "version", database.getDatabaseProductVersion()))
                    .build();
        } catch (SQLException e) {
            return HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build();
        }
    }
}

package countylive.web;

import countylive.access.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * {@code /health}: UP or DOWN for everyone (a load balancer asks without logging in), the details
 * (the database's name and version, free disk space, threads) for administrators only.
 * Micronaut can show details to everyone signed in or to no one; the first told every county
 * coordinator where the database is and what runs it.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
class HealthForAdministrators extends HealthEndpoint {

    HealthForAdministrators(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
                            @Liveness HealthIndicator[] livenessIndicators) {
        super(aggregator, indicators, livenessIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        boolean administrator = principal instanceof Authentication authentication
                && authentication.getRoles().contains(Role.ADMIN.name());
        return administrator ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}

package countylive.sale;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What one session sold of one product, as the grid reads it (countylive.ledger changes it).
 * campaign_id, county_code and live_date repeat the session's (the composite foreign key keeps
 * them in step) so summaries need no join.
 */
@MappedEntity("sale_line")
record SaleLine(
        @Id Long id,
        long sessionId,
        long campaignId,
        String countyCode,
        LocalDate liveDate,
        long productId,
        boolean onBehalf,
        long units,
        long orders,
        BigDecimal gross,
        BigDecimal refunds,
        int version,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}

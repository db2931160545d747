package countylive.sale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one session sold of one product. campaign_id, county_code and live_date repeat the
 * session's (the composite foreign key keeps them in step) so summaries need no join.
 */
@MappedEntity("sale_line")
record SaleLine(
        @Id @GeneratedValue @Nullable Long id,
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
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    SaleLine withFigures(SaleFigures figures) {
        return new SaleLine(id, sessionId, campaignId, countyCode, liveDate, productId, onBehalf, figures.units(),
                figures.orders(), figures.gross(), figures.refunds(), version, createdAt, updatedAt);
    }

    boolean sameFigures(SaleFigures figures) {
        return units == figures.units() && orders == figures.orders() && gross.compareTo(figures.gross()) == 0
                && refunds.compareTo(figures.refunds()) == 0;
    }

    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sessionId", sessionId);
        values.put("productId", productId);
        values.put("onBehalf", onBehalf);
        values.put("units", units);
        values.put("orders", orders);
        values.put("gross", gross);
        values.put("refunds", refunds);
        return values;
    }
}

package countylive.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A household's part in a campaign, optionally through one product, with the income it gained. */
@MappedEntity("beneficiary_link")
record BeneficiaryLink(
        @Id Long id,
        long campaignId,
        long householdId,
        String countyCode,
        @Nullable Long productId,
        BigDecimal income,
        int version,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}

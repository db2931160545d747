package countylive.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A household's part in a campaign, optionally through one product, with the income it gained. */
@MappedEntity("beneficiary_link")
record BeneficiaryLink(
        @Id @GeneratedValue @Nullable Long id,
        long campaignId,
        long householdId,
        String countyCode,
        @Nullable Long productId,
        BigDecimal income,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {
}

package countylive.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDateTime;

/** A registered poor household (建档立卡贫困户). Personal data: see HouseholdController for who sees it. */
@MappedEntity("household")
record Household(
        @Id @GeneratedValue @Nullable Long id,
        String registrationNo,
        String countyCode,
        String village,
        String headName,
        int members,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {
}

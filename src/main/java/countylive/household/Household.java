package countylive.household;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A registered poor household (建档立卡贫困户). Personal data: see HouseholdController for who sees it. */
@MappedEntity("household")
record Household(
        @Id Long id,
        String registrationNo,
        String countyCode,
        String village,
        String headName,
        int members,
        int version,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}

package countylive.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

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

    Household withStored(Household stored) {
        return new Household(stored.id(), registrationNo, countyCode, village, headName, members, version,
                stored.createdAt(), stored.updatedAt());
    }

    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("registrationNo", registrationNo);
        values.put("countyCode", countyCode);
        values.put("village", village);
        values.put("headName", headName);
        values.put("members", members);
        return values;
    }
}

package countylive.official;

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

/** A county official (county chief and the like) who takes part in livestreams. */
@MappedEntity("official")
public record Official(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String title,
        String countyCode,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    /** The audited fields. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("title", title);
        values.put("countyCode", countyCode);
        return values;
    }
}

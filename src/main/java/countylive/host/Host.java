package countylive.host;

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

/** A livestreamer or influencer, known by their account on one platform. */
@MappedEntity("host")
public record Host(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        Platform platform,
        String handle,
        @Nullable Long followers,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    /** The audited fields. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("platform", platform);
        values.put("handle", handle);
        values.put("followers", followers);
        return values;
    }
}

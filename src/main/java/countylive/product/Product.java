package countylive.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A county's produce offered in livestreams. */
@MappedEntity("product")
public record Product(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String category,
        String unit,
        @Nullable BigDecimal referencePrice,
        String countyCode,
        @Nullable String producer,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    /** The audited fields. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("category", category);
        values.put("unit", unit);
        values.put("referencePrice", referencePrice);
        values.put("countyCode", countyCode);
        values.put("producer", producer);
        return values;
    }
}

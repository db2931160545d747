package countylive.region;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.util.LinkedHashMap;
import java.util.Map;

/** A county-level division (GB/T 2260 code); only the poverty flag is edited here. */
@MappedEntity("county")
record County(
        @Id String code,
        String prefectureCode,
        String provinceCode,
        String name,
        boolean povertyCounty,
        @Version @Nullable Integer version) {

    County withPoverty(boolean poverty, Integer expectedVersion) {
        return new County(code, prefectureCode, provinceCode, name, poverty, expectedVersion);
    }

    /** The audited fields. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("povertyCounty", povertyCounty);
        return values;
    }
}

package countylive.region;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.util.LinkedHashMap;
import java.util.Map;

/** A county-level division (GB/T 2260 code); only the poverty flag and its exit year are edited here. */
@MappedEntity("county")
record County(
        @Id String code,
        String prefectureCode,
        String provinceCode,
        String name,
        boolean povertyCounty,
        @Nullable Integer povertyExitYear,
        @Version @Nullable Integer version) {

    /** The flag and the year the county was lifted out of poverty (none when it is not a poverty county). */
    County withPoverty(boolean poverty, @Nullable Integer exitYear, Integer expectedVersion) {
        return new County(code, prefectureCode, provinceCode, name, poverty, poverty ? exitYear : null, expectedVersion);
    }

    /** The audited fields. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("povertyCounty", povertyCounty);
        values.put("povertyExitYear", povertyExitYear);
        return values;
    }
}

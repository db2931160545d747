package countylive.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** A themed series of livestreams over a period; its partners and counties are link tables. */
@MappedEntity("campaign")
record Campaign(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        @Nullable String theme,
        LocalDate startsOn,
        LocalDate endsOn,
        CampaignStatus status,
        @Nullable String description,
        @Nullable BigDecimal targetGross,
        @Nullable Integer targetPeople,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    Campaign withTimestamps(@Nullable LocalDateTime created, @Nullable LocalDateTime updated) {
        return new Campaign(id, name, theme, startsOn, endsOn, status, description, targetGross, targetPeople,
                version, created, updated);
    }

    /** Whether two versions say the same apart from their status (and bookkeeping). */
    boolean sameApartFromStatus(Campaign other) {
        return name.equals(other.name) && Objects.equals(theme, other.theme) && startsOn.equals(other.startsOn)
                && endsOn.equals(other.endsOn) && Objects.equals(description, other.description)
                && Objects.equals(targetPeople, other.targetPeople)
                && (targetGross == null ? other.targetGross == null
                : other.targetGross != null && targetGross.compareTo(other.targetGross) == 0);
    }

    /** The audited fields, with the partners and counties it has. */
    Map<String, Object> auditValues(Collection<Long> partnerIds, Collection<String> countyCodes) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("theme", theme);
        values.put("startsOn", startsOn);
        values.put("endsOn", endsOn);
        values.put("status", status);
        values.put("description", description);
        values.put("targetGross", targetGross);
        values.put("targetPeople", targetPeople);
        values.put("partners", partnerIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        values.put("counties", countyCodes.stream().sorted().collect(Collectors.joining(",")));
        return values;
    }
}

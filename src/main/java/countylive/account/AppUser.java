package countylive.account;

import countylive.access.Role;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDateTime;

@MappedEntity("app_user")
public record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        Role role,
        boolean enabled,
        LocalDateTime passwordChangedAt,
        @Version @Nullable Integer version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    /** @param now Beijing time, from the application's clock */
    static AppUser create(String username, String displayName, String passwordHash, Role role, LocalDateTime now) {
        return new AppUser(null, username, displayName, passwordHash, role, true, now, null, null, null);
    }
}

package countylive.account;

import countylive.access.Role;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<AppUser, Long> {

    /** A county an account is bound to, with its name for the pages. */
    @Introspected
    record UserCounty(Long userId, String countyCode, String countyName) {
    }

    @Introspected
    record County(String code, String name) {
    }

    Optional<AppUser> findByUsername(String username);

    Page<AppUser> findAll(Pageable pageable);

    @Query(value = """
            SELECT app_user_.* FROM app_user app_user_
            WHERE app_user_.username LIKE :pattern OR app_user_.display_name LIKE :pattern""",
            countQuery = "SELECT COUNT(*) FROM app_user WHERE username LIKE :pattern OR display_name LIKE :pattern")
    Page<AppUser> search(String pattern, Pageable pageable);

    @Query(value = """
            SELECT uc.user_id, uc.county_code, c.name AS county_name
            FROM user_county uc JOIN county c ON c.code = uc.county_code
            WHERE uc.user_id IN (:userIds) ORDER BY uc.county_code""", readOnly = true)
    List<UserCounty> findCountiesOf(Collection<Long> userIds);

    @Query(value = "SELECT code, name FROM county WHERE code IN (:codes) ORDER BY code", readOnly = true)
    List<County> findCountiesByCode(Collection<String> codes);

    /** The version stays: a password reset must not make an open edit form stale. */
    @Query("UPDATE app_user SET password_hash = :hash, password_changed_at = :now, updated_at = :now WHERE id = :id")
    void updatePassword(Long id, String hash, LocalDateTime now);

    boolean existsByRole(Role role);

    @Query("SELECT county_code FROM user_county WHERE user_id = :userId ORDER BY county_code")
    List<String> findCountyCodes(Long userId);

    @Query("DELETE FROM user_county WHERE user_id = :userId")
    void clearCounties(Long userId);

    @Query("INSERT INTO user_county (user_id, county_code) VALUES (:userId, :countyCode)")
    void addCounty(Long userId, String countyCode);

    @Query("UPDATE app_user SET enabled = :enabled, version = version + 1, updated_at = NOW(3) WHERE id = :id")
    void updateEnabled(Long id, boolean enabled);

    default void replaceCounties(Long userId, Set<String> countyCodes) {
        clearCounties(userId);
        countyCodes.stream().sorted().forEach(code -> addCounty(userId, code));
    }
}

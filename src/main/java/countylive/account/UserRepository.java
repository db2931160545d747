package countylive.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

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

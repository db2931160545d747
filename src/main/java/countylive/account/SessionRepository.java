package countylive.account;

import countylive.access.Role;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.Optional;

/** Server-side login sessions, keyed by the SHA-256 of the cookie's token. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SessionRepository extends GenericRepository<AppUser, Long> {

    @Introspected
    record ActiveSession(String tokenHash, Long userId, String username, String displayName, Role role,
                         boolean enabled, String csrfToken, LocalDateTime createdAt, LocalDateTime lastSeenAt) {
    }

    @Query("""
            INSERT INTO login_session (token_hash, user_id, csrf_token, created_at, last_seen_at)
            VALUES (:tokenHash, :userId, :csrfToken, :now, :now)""")
    void insert(String tokenHash, Long userId, String csrfToken, LocalDateTime now);

    /** Notes the login on the account: the integrity checks look for accounts nobody logs into. */
    @Query("UPDATE app_user SET last_login_at = :now WHERE id = :userId")
    void loggedIn(Long userId, LocalDateTime now);

    @Query(value = """
            SELECT s.token_hash, s.user_id, u.username, u.display_name, u.role, u.enabled, s.csrf_token,
                   s.created_at, s.last_seen_at
            FROM login_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.token_hash = :tokenHash""", readOnly = true)
    Optional<ActiveSession> find(String tokenHash);

    @Query("UPDATE login_session SET last_seen_at = :now WHERE token_hash = :tokenHash")
    void touch(String tokenHash, LocalDateTime now);

    @Query("DELETE FROM login_session WHERE token_hash = :tokenHash")
    void delete(String tokenHash);

    @Query("DELETE FROM login_session WHERE user_id = :userId")
    void deleteAllOf(Long userId);

    @Query("DELETE FROM login_session WHERE user_id = :userId AND token_hash <> :keepHash")
    void deleteOthersOf(Long userId, String keepHash);

    @Query("DELETE FROM login_session WHERE last_seen_at < :idleBefore OR created_at < :createdBefore")
    int deleteExpired(LocalDateTime idleBefore, LocalDateTime createdBefore);
}

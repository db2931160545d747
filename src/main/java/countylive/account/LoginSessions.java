package countylive.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opens, finds and ends login sessions. The database holds them, so any app node can serve any
 * request, and logging out or disabling an account ends a session everywhere at once.
 */
@Singleton
public class LoginSessions {

    /** Writing last_seen_at on every request would turn each page view into a write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionRepository sessions;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Clock clock;

    LoginSessions(SessionRepository sessions,
                  @Value("${countylive.session.idle-timeout}") Duration idleTimeout,
                  @Value("${countylive.session.absolute-timeout}") Duration absoluteTimeout,
                  Clock clock) {
        this.sessions = sessions;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    /** Opens a session and returns the token for the cookie; only its hash is stored. */
    String open(long userId) {
        String token = randomToken();
        LocalDateTime now = now();
        sessions.insert(sha256(token), userId, randomToken(), now);
        sessions.loggedIn(userId, now);
        return token;
    }

    /** The live session of a cookie token: not expired, and its account still enabled. */
    public Optional<SessionRepository.ActiveSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        LocalDateTime now = now();
        return sessions.find(hash).filter(session -> {
            boolean live = session.enabled()
                    && session.lastSeenAt().plus(idleTimeout).isAfter(now)
                    && session.createdAt().plus(absoluteTimeout).isAfter(now);
            if (!live) {
                sessions.delete(hash);
            } else if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                sessions.touch(hash, now);
            }
            return live;
        });
    }

    void close(String token) {
        if (token != null && !token.isEmpty()) {
            sessions.delete(sha256(token));
        }
    }

    /** Ends every session of an account: after disabling it or resetting its password. */
    public void closeAllOf(long userId) {
        sessions.deleteAllOf(userId);
    }

    /** Ends every session of an account but the one of this token: after a password change. */
    void closeOthersOf(long userId, String keepToken) {
        sessions.deleteOthersOf(userId, sha256(keepToken));
    }

    @Scheduled(fixedDelay = "15m", initialDelay = "1m")
    void purgeExpired() {
        LocalDateTime now = now();
        sessions.deleteExpired(now.minus(idleTimeout), now.minus(absoluteTimeout));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

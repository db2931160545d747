package countylive.excel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;

/**
 * Refused uploads with their problems marked, kept a day for their uploader to download. A copy
 * is kept only when the database can take it in one statement: the smaller of
 * {@link #MAX_BYTES} and the server's {@code max_allowed_packet}, less room for the rest of it.
 */
@Singleton
class Rejections {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_BYTES = 8 * 1024 * 1024;
    /** The statement around the content: its text, the token, the file name. */
    private static final int STATEMENT_ROOM = 64 * 1024;

    record Rejection(String fileName, byte[] content) {
    }

    private final JdbcOperations jdbc;
    private final Clock clock;

    Rejections(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The token to download the copy with, or null when it is too large to keep. */
    @Transactional
    @Nullable String keep(long userId, String fileName, byte[] content) {
        if (content.length > room()) {
            return null;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.prepareStatement("INSERT INTO sale_import_rejection (token, user_id, file_name, content, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, token);
            statement.setLong(2, userId);
            statement.setString(3, fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
            statement.setBytes(4, content);
            statement.setObject(5, LocalDateTime.now(clock));
            return statement.executeUpdate();
        });
        return token;
    }

    private long room() {
        long packet = jdbc.prepareStatement("SELECT @@max_allowed_packet", statement -> {
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
        return Math.min(MAX_BYTES, packet - STATEMENT_ROOM);
    }

    /** The rejection, only for the user who uploaded it. */
    @Transactional(readOnly = true)
    @Nullable Rejection find(String token, long userId) {
        return jdbc.prepareStatement("SELECT file_name, content FROM sale_import_rejection "
                + "WHERE token = ? AND user_id = ? AND created_at > ?", statement -> {
            statement.setString(1, token);
            statement.setLong(2, userId);
            statement.setObject(3, LocalDateTime.now(clock).minusDays(1));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Rejection(row.getString(1), row.getBytes(2)) : null;
            }
        });
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @Transactional
    void purge() {
        jdbc.prepareStatement("DELETE FROM sale_import_rejection WHERE created_at < ?", statement -> {
            statement.setObject(1, LocalDateTime.now(clock).minusDays(1));
            return statement.executeUpdate();
        });
    }
}

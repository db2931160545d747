package countylive.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The uploads waiting for their confirmation, in the database (app nodes keep nothing between
 * requests): the files as uploaded, whose uploader alone may see and confirm them, and after the
 * confirmation what it did. A preview is read again from its files each time it is shown.
 */
@Singleton
class PreviewStore {

    /** A stored upload: whose, into which campaign county, its files, and its outcome once confirmed. */
    record Stored(String token, long userId, long campaignId, String countyCode, @Nullable String outcome,
                  List<Upload> files) {
    }

    /** One uploaded file. */
    record Upload(String name, byte[] content) {
    }

    private final JdbcOperations jdbc;
    private final Clock clock;

    PreviewStore(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    String keep(long userId, long campaignId, String countyCode, List<Upload> files) {
        String token = UUID.randomUUID().toString();
        jdbc.prepareStatement("INSERT INTO platform_preview (token, user_id, campaign_id, county_code, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, token);
            statement.setLong(2, userId);
            statement.setLong(3, campaignId);
            statement.setString(4, countyCode);
            statement.setObject(5, LocalDateTime.now(clock));
            return statement.executeUpdate();
        });
        for (int i = 0; i < files.size(); i++) {
            Upload file = files.get(i);
            int position = i;
            jdbc.prepareStatement("INSERT INTO platform_preview_file (token, position, file_name, content)"
                    + " VALUES (?, ?, ?, ?)", statement -> {
                statement.setString(1, token);
                statement.setInt(2, position);
                statement.setString(3, file.name().length() > 200 ? file.name().substring(0, 200) : file.name());
                statement.setBytes(4, file.content());
                return statement.executeUpdate();
            });
        }
        return token;
    }

    /** The upload, if it exists and is the user's. */
    @Transactional(readOnly = true)
    @Nullable Stored find(String token, long userId) {
        Stored head = jdbc.prepareStatement("SELECT user_id, campaign_id, county_code, outcome FROM platform_preview"
                + " WHERE token = ? AND user_id = ?", statement -> {
            statement.setString(1, token);
            statement.setLong(2, userId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Stored(token, row.getLong(1), row.getLong(2), row.getString(3),
                        row.getString(4), List.of()) : null;
            }
        });
        if (head == null) {
            return null;
        }
        List<Upload> files = jdbc.prepareStatement("SELECT file_name, content FROM platform_preview_file"
                + " WHERE token = ? ORDER BY position", statement -> {
            statement.setString(1, token);
            List<Upload> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Upload(row.getString(1), row.getBytes(2)));
                }
            }
            return found;
        });
        return new Stored(token, head.userId(), head.campaignId(), head.countyCode(), head.outcome(), files);
    }

    /** What the confirmation did; the files are not needed any more. */
    @Transactional
    void done(String token, String outcome) {
        jdbc.prepareStatement("UPDATE platform_preview SET outcome = ? WHERE token = ?", statement -> {
            statement.setString(1, outcome);
            statement.setString(2, token);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM platform_preview_file WHERE token = ?", statement -> {
            statement.setString(1, token);
            return statement.executeUpdate();
        });
    }

    /** Previews live a day: an upload not confirmed by then is uploaded again. */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @Transactional
    void purge() {
        jdbc.prepareStatement("DELETE FROM platform_preview WHERE created_at < ?", statement -> {
            statement.setObject(1, LocalDateTime.now(clock).minusDays(1));
            return statement.executeUpdate();
        });
    }
}

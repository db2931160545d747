package countylive.web.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes a create form safe to submit twice. The form carries a one-time token; the create
 * claims it in the same transaction. A second submit (double click, or resubmit after Back)
 * waits on the first's row lock, finds the token taken and is sent to what the first made.
 */
@Singleton
public class Submissions {

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Tokens extends GenericRepository<FormSubmission, String> {

        @Query("INSERT IGNORE INTO form_submission (token, result_path, created_at) VALUES (:token, '', :now)")
        int claim(String token, LocalDateTime now);

        @Query("UPDATE form_submission SET result_path = :path WHERE token = :token")
        void complete(String token, String path);

        @Query(value = "SELECT result_path FROM form_submission WHERE token = :token", readOnly = true)
        Optional<String> resultOf(String token);

        @Query("DELETE FROM form_submission WHERE created_at < :before")
        int purge(LocalDateTime before);
    }

    private final Tokens tokens;
    private final Clock clock;

    Submissions(Tokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A fresh token for a new form. */
    public static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** Where an earlier submit of this form led, if the form was submitted before. */
    public Optional<String> previousResult(@Nullable String token) {
        if (token == null || !UUID_FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        return tokens.resultOf(token).map(path -> path.isEmpty() ? "/" : path);
    }

    /**
     * Claims the token inside the caller's transaction.
     *
     * @throws AlreadySubmitted when an earlier submit of the same form got there first
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void claim(@Nullable String token) {
        if (token == null || !UUID_FORM.matcher(token).matches()) {
            throw new AlreadySubmitted(null);
        }
        if (tokens.claim(token, LocalDateTime.now(clock)) == 0) {
            throw new AlreadySubmitted(tokens.resultOf(token).filter(path -> !path.isEmpty()).orElse(null));
        }
    }

    /** Records where the claimed submit led, for any later repeat of it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void complete(String token, String resultPath) {
        tokens.complete(token, resultPath);
    }

    /** Tokens only matter while someone might press Back and submit again: a week is plenty. */
    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    void purgeOld() {
        tokens.purge(LocalDateTime.now(clock).minusDays(7));
    }

    /** The form was submitted before: {@code resultPath} is what that submit made (if known). */
    public static final class AlreadySubmitted extends RuntimeException {

        private final String resultPath;

        public AlreadySubmitted(@Nullable String resultPath) {
            super("form already submitted", null, false, false);
            this.resultPath = resultPath;
        }

        public @Nullable String resultPath() {
            return resultPath;
        }
    }
}

package countylive.ledger;

import java.util.function.LongFunction;

/**
 * A form's one-time token, claimed in the change's own transaction, and where its submit leads,
 * given the id of the record it made or changed: a second submit of the same form is sent there
 * instead of making a second record (countylive.web.form.Submissions).
 */
public record Submission(String token, LongFunction<String> resultPath) {
}

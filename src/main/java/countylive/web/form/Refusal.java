package countylive.web.form;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A change a service will not make, and why: one of its rules, checked in the change's own
 * transaction, refused it, and nothing of the change was written. Each problem names the form
 * field it belongs to (null for the form as a whole) and a message key with its arguments;
 * {@link FormFlow} shows them next to the fields, with everything the user typed.
 */
public class Refusal extends RuntimeException {

    /** Whether looking again could help: the data changed meanwhile, or the input itself is wrong. */
    public enum Kind {
        /** The record or its campaign changed since the form was opened (stale, closed): HTTP 409. */
        CONFLICT,
        /** The input breaks a rule: HTTP 422. */
        INVALID
    }

    /** One reason, for one field. */
    public record Problem(@Nullable String field, String key, List<Object> arguments) {
    }

    private final Kind kind;
    private final transient List<Problem> problems;

    public Refusal(Kind kind, List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).key(), null, false, false);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static Refusal invalid(@Nullable String field, String key, Object... arguments) {
        return new Refusal(Kind.INVALID, List.of(new Problem(field, key, List.of(arguments))));
    }

    public static Refusal conflict(@Nullable String field, String key, Object... arguments) {
        return new Refusal(Kind.CONFLICT, List.of(new Problem(field, key, List.of(arguments))));
    }

    /** The record was changed by someone else since the form was opened. */
    public static Refusal stale() {
        return conflict(null, "form.staleVersion");
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}

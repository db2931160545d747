package countylive.web.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import countylive.metrics.Refusals;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The round trip of a form, the same for every record: check, and on a problem show the form
 * again with everything typed (422); save in one transaction and redirect (303) with a
 * confirmation; send a repeated submit to what the first one made; show a change the service
 * refused ({@link Refusal}) next to its fields, 409 when the record or its campaign changed
 * meanwhile (a stale edit, a closed campaign) and 422 when the input breaks a rule.
 */
@Singleton
public class FormFlow {

    private final FormView forms;
    private final Submissions submissions;
    private final Refusals refusals;

    FormFlow(FormView forms, Submissions submissions, Refusals refusals) {
        this.forms = forms;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    /**
     * What a submitted form is to become when it is shown again: its template, what was typed, and
     * what else the page shows (made only when the form is shown again, after the form was read).
     */
    public record Page(String view, Map<String, ?> values, Supplier<Map<String, ?>> extras) {

        public Page(String view, Map<String, ?> values, Map<String, ?> extras) {
            this(view, values, () -> extras);
        }
    }

    /**
     * @param validate reads the form, noting problems; returns the record, or null when there are
     *                 problems; may throw a {@link Refusal} for the form as a whole
     * @param save     saves the record (claiming the submission token) and returns its path
     * @param listPath where a repeated submit goes when the first one's result is unknown
     */
    public <T> HttpResponse<?> create(HttpRequest<?> request, @Nullable String submission, Page page,
                                      Function<FormErrors, T> validate, Function<T, String> save, String listPath) {
        return save(request, submission, page, validate, record -> save.apply(record) + "?flash=created", listPath);
    }

    /**
     * A form that carries a one-time token and saves in place, such as a sales grid.
     *
     * @param save saves the record (claiming the token) and returns where to go, confirmation included
     */
    public <T> HttpResponse<?> save(HttpRequest<?> request, @Nullable String submission, Page page,
                                    Function<FormErrors, T> validate, Function<T, String> save, String fallbackPath) {
        var previous = submissions.previousResult(submission);
        if (previous.isPresent()) {
            return seeOther(previous.get());
        }
        return run(request, page, validate, save, fallbackPath);
    }

    /**
     * @param version  the version the form was opened with (null: the form did not carry one)
     * @param validate reads the form, noting problems; returns the record, or null when there are problems
     * @param save     saves the record; throws {@link OptimisticLockException} or a stale
     *                 {@link Refusal} when someone else saved it since the form was opened
     */
    public <T> HttpResponse<?> update(HttpRequest<?> request, @Nullable Integer version, Page page,
                                      Function<FormErrors, T> validate, Consumer<T> save, String recordPath) {
        return run(request, page, errors -> {
            T record = validate.apply(errors);
            if (record != null && version == null) {
                errors.add("_form", "form.staleVersion");
            }
            return record;
        }, record -> {
            save.accept(record);
            return recordPath + "?flash=saved";
        }, recordPath);
    }

    /**
     * A delete button: deletes and goes to {@code donePath} with a confirmation, or shows the
     * record's page again (409) with why it cannot go (as {@code deleteError}).
     */
    public HttpResponse<?> delete(HttpRequest<?> request, Runnable delete, String donePath, Page page) {
        try {
            delete.run();
            return seeOther(donePath + "?flash=deleted");
        } catch (Refusal refusal) {
            refusals.counted(refusal.getMessage());
            Map<String, Object> model = new java.util.HashMap<>(page.extras().get());
            model.put("deleteError", forms.message(request, refusal));
            return forms.render(request, HttpStatus.CONFLICT, page.view(), page.values(), new FormErrors(), model);
        }
    }

    private <T> HttpResponse<?> run(HttpRequest<?> request, Page page, Function<FormErrors, T> validate,
                                    Function<T, String> save, String fallbackPath) {
        FormErrors errors = new FormErrors();
        try {
            T record = validate.apply(errors);
            if (record == null || !errors.isEmpty()) {
                refusals.counted(errors.problems().values().iterator().next().key());
                return forms.render(request, page.view(), page.values(), errors, page.extras().get());
            }
            return seeOther(save.apply(record));
        } catch (Submissions.AlreadySubmitted e) {
            return seeOther(e.resultPath() == null ? fallbackPath : e.resultPath());
        } catch (OptimisticLockException e) {
            refusals.counted("form.staleVersion");
            errors.add("_form", "form.staleVersion");
            return forms.render(request, HttpStatus.CONFLICT, page.view(), page.values(), errors, page.extras().get());
        } catch (Refusal refusal) {
            refusals.counted(refusal.getMessage());
            refusal.problems().forEach(problem -> errors.add(problem.field() == null ? "_form" : problem.field(),
                    problem.key(), problem.arguments().toArray()));
            HttpStatus status = refusal.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_ENTITY;
            return forms.render(request, status, page.view(), page.values(), errors, page.extras().get());
        }
    }

    private static HttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }
}

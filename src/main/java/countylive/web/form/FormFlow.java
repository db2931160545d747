package countylive.web.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The round trip of a create or edit form, the same for every record: check, and on a problem
 * show the form again with everything typed (422); save in one transaction and redirect to the
 * record (303) with a confirmation; send a repeated create to what the first one made; refuse a
 * stale edit (409) with a message, keeping what was typed.
 */
@Singleton
public class FormFlow {

    private final FormView forms;
    private final Submissions submissions;

    FormFlow(FormView forms, Submissions submissions) {
        this.forms = forms;
        this.submissions = submissions;
    }

    /** What a submitted form is to become. */
    public record Page(String view, Map<String, ?> values, Map<String, ?> extras) {
    }

    /**
     * @param validate reads the form, noting problems; returns the record, or null when there are problems
     * @param save     saves the record (claiming the submission token) and returns its path
     * @param listPath where a repeated submit goes when the first one's result is unknown
     */
    public <T> HttpResponse<?> create(HttpRequest<?> request, @Nullable String submission, Page page,
                                      Function<FormErrors, T> validate, Function<T, String> save, String listPath) {
        var previous = submissions.previousResult(submission);
        if (previous.isPresent()) {
            return seeOther(previous.get());
        }
        FormErrors errors = new FormErrors();
        T record = validate.apply(errors);
        if (record == null || !errors.isEmpty()) {
            return forms.render(request, page.view(), page.values(), errors, page.extras());
        }
        try {
            return seeOther(save.apply(record) + "?flash=created");
        } catch (Submissions.AlreadySubmitted e) {
            return seeOther(e.resultPath() == null ? listPath : e.resultPath());
        }
    }

    /**
     * @param version  the version the form was opened with (null: the form did not carry one)
     * @param validate reads the form, noting problems; returns the record, or null when there are problems
     * @param save     saves the record; throws {@link OptimisticLockException} when it is stale
     */
    public <T> HttpResponse<?> update(HttpRequest<?> request, @Nullable Integer version, Page page,
                                      Function<FormErrors, T> validate, Consumer<T> save, String recordPath) {
        FormErrors errors = new FormErrors();
        T record = validate.apply(errors);
        if (record != null && version == null) {
            errors.add("_form", "form.staleVersion");
        }
        if (record == null || !errors.isEmpty()) {
            return forms.render(request, page.view(), page.values(), errors, page.extras());
        }
        try {
            save.accept(record);
            return seeOther(recordPath + "?flash=saved");
        } catch (OptimisticLockException e) {
            errors.add("_form", "form.staleVersion");
            return forms.render(request, HttpStatus.CONFLICT, page.view(), page.values(), errors, page.extras());
        }
    }

    private static HttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }
}

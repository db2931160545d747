package countylive.web.form;

import countylive.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a form page: what the user typed ({@code values}), the problems next to their fields
 * ({@code errors}, already in the user's language) and whatever else the page needs. A form
 * with problems comes back with 422 and loses nothing that was typed.
 */
@Singleton
public class FormView {

    private final Messages messages;

    FormView(Messages messages) {
        this.messages = messages;
    }

    /** A refusal's reasons as one text in the user's language, for pages that show it above a form. */
    public String message(HttpRequest<?> request, Refusal refusal) {
        return String.join(" ", refusal.problems().stream()
                .map(problem -> messages.get(request, problem.key(), problem.arguments().toArray())).toList());
    }

    public HttpResponse<ModelAndView<Map<String, Object>>> render(HttpRequest<?> request, String view,
                                                                  Map<String, ?> values, FormErrors errors,
                                                                  Map<String, ?> extra) {
        HttpStatus status = errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
        return render(request, status, view, values, errors, extra);
    }

    public HttpResponse<ModelAndView<Map<String, Object>>> render(HttpRequest<?> request, HttpStatus status,
                                                                  String view, Map<String, ?> values,
                                                                  FormErrors errors, Map<String, ?> extra) {
        Map<String, String> localized = new LinkedHashMap<>();
        errors.problems().forEach((field, problem) ->
                localized.put(field, messages.get(request, problem.key(), problem.arguments().toArray())));
        Map<String, Object> model = new HashMap<>(extra);
        model.put("values", values);
        model.put("errors", localized);
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(view, model));
    }
}

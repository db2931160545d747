package countylive.web;

import countylive.access.CurrentUser;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** What every page's layout needs besides the page's own model: the user, the CSRF token, the path. */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    private static final java.util.Set<String> FLASHES = java.util.Set.of(
            "created", "saved", "deleted", "imported", "passwordChanged", "recomputed", "submitted", "accepted",
            "returned", "reopened", "unchanged", "checked");

    private final boolean demo;

    LayoutModel(@Value("${countylive.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElse(Map.of()));
        String query = request.getUri().getRawQuery();
        model.put("currentPath", request.getUri().getRawPath() + (query == null ? "" : "?" + query));
        model.put("demoMode", demo);
        // after a redirect the target shows a short confirmation: ?flash=saved and the like
        request.getParameters().getFirst("flash").filter(FLASHES::contains)
                .ifPresent(flash -> model.put("flash", "flash." + flash));
        request.getUserPrincipal(Authentication.class).map(CurrentUser::of).ifPresent(user -> {
            model.put("currentUser", user);
            model.put("csrfToken", user.csrfToken());
        });
        modelAndView.setModel(model);
    }
}

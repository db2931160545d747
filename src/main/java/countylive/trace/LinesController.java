package countylive.trace;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.web.Figures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * The entries behind a figure: the sale lines (or the sessions) of a selection, a page at a time,
 * with the selection's totals, which equal the figure the user came from. Each line leads to its
 * session and its sales grid. Everyone signed in may look; a coordinator sees only their counties'
 * entries, and the page says so.
 */
@Controller(value = "/lines", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
class LinesController {

    private final LineQueries queries;
    private final HouseholdTrace households;
    private final Figures figures;

    LinesController(LineQueries queries, HouseholdTrace households, Figures figures) {
        this.queries = queries;
        this.households = households;
        this.figures = figures;
    }

    /** @param view "sessions" for the sessions of the selection, else its lines */
    @Get
    ModelAndView<Map<String, Object>> lines(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LineSelection selection = LineSelection.of(request, user);
        boolean sessions = "sessions".equals(request.getParameters().get("view"));
        int page = page(request);
        LineQueries.Totals totals = queries.totals(selection);
        long rows = sessions ? totals.sessions() : totals.lines();
        Map<String, Object> model = base(selection, user);
        model.put("totals", totals);
        model.put("view", sessions ? "sessions" : "lines");
        model.put("rows", sessions ? queries.sessions(selection, page) : queries.lines(selection, page));
        model.put("page", page);
        model.put("pages", Math.max(1, (rows + LineQueries.PAGE_SIZE - 1) / LineQueries.PAGE_SIZE));
        return new ModelAndView<>("trace/lines", model);
    }

    /**
     * The households behind "people assisted": for administrators and coordinators the linked
     * households with their members; for association staff only how many per county and village.
     */
    @Get("/households")
    ModelAndView<Map<String, Object>> households(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LineSelection selection = LineSelection.of(request, user);
        Map<String, Object> model = base(selection, user);
        model.put("totals", households.totals(selection));
        if (user.role() == Role.ASSOCIATION) {
            model.put("villages", households.perVillage(selection));
        } else {
            int page = page(request);
            model.put("households", households.households(selection, page));
            model.put("page", page);
        }
        return new ModelAndView<>("trace/households", model);
    }

    private Map<String, Object> base(LineSelection selection, CurrentUser user) {
        Map<String, Object> model = new HashMap<>();
        model.put("fig", figures);
        model.put("selection", selection);
        model.put("query", selection.query());
        model.put("names", queries.names(selection));
        model.put("scoped", user.role() == Role.COORDINATOR);
        return model;
    }

    private static int page(HttpRequest<?> request) {
        String text = request.getParameters().get("page");
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : 0;
    }
}

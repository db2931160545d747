package countylive.summary;

import io.micrometer.core.annotation.Timed;
import countylive.web.Figures;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * The overview across campaigns, national and by province. For administrators and association
 * staff; coordinators get 403 (they reach their campaigns' summaries from the campaign pages, and
 * national totals are not theirs to report).
 */
@Controller(value = "/summaries", produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "ASSOCIATION"})
class OverviewController {

    private final OverviewQueries queries;
    private final Figures figures;

    OverviewController(OverviewQueries queries, Figures figures) {
        this.queries = queries;
        this.figures = figures;
    }

    @Timed(value = "countylive.summaries", extraTags = {"summary", "overview"})
    @Get
    ModelAndView<Map<String, Object>> overview() {
        long[] people = queries.nationalPeople();
        return new ModelAndView<>("summary/overview", Map.of(
                "fig", figures,
                "campaigns", queries.campaigns(),
                "provinces", queries.provinces(),
                "national", queries.national(),
                "households", people[0],
                "people", people[1]));
    }
}

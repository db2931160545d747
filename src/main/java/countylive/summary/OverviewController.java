package countylive.summary;

import io.micrometer.core.annotation.Timed;
import countylive.web.Figures;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
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

    /** @param accepted "1" to count only the campaign counties whose figures are accepted */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "overview"})
    @Get
    ModelAndView<Map<String, Object>> overview(@QueryValue @Nullable String accepted) {
        boolean acceptedOnly = "1".equals(accepted);
        long[] people = queries.nationalPeople(acceptedOnly);
        return new ModelAndView<>("summary/overview", Map.of(
                "fig", figures,
                "campaigns", queries.campaigns(acceptedOnly),
                "provinces", queries.provinces(acceptedOnly),
                "national", queries.national(acceptedOnly),
                "households", people[0],
                "people", people[1],
                "acceptedOnly", acceptedOnly));
    }
}

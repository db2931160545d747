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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private final ChinaMap map;

    OverviewController(OverviewQueries queries, Figures figures, ChinaMap map) {
        this.map = map;
        this.queries = queries;
        this.figures = figures;
    }

    /** @param accepted "1" to count only the campaign counties whose figures are accepted */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "overview"})
    @Get
    ModelAndView<Map<String, Object>> overview(@QueryValue @Nullable String accepted, @QueryValue("map") @Nullable String measure) {
        boolean acceptedOnly = "1".equals(accepted);
        long[] people = queries.nationalPeople(acceptedOnly);
        List<Rows.ProvinceTotal> provinces = queries.provinces(acceptedOnly);
        boolean byPeople = "people".equals(measure);
        Map<String, Object> model = new HashMap<>();
        model.put("fig", figures);
        model.put("campaigns", queries.campaigns(acceptedOnly));
        model.put("provinces", provinces);
        model.put("national", queries.national(acceptedOnly));
        model.put("households", people[0]);
        model.put("people", people[1]);
        model.put("acceptedOnly", acceptedOnly);
        model.put("mapMeasure", byPeople ? "people" : "gross");
        model.put("mapSwitch", acceptedOnly ? "/summaries?accepted=1" : "/summaries");
        model.put("map", provinceMap(provinces, byPeople ? queries.peoplePerProvince(acceptedOnly) : null, acceptedOnly));
        return new ModelAndView<>("summary/overview", model);
    }

    /**
     * Every province with campaigns, shaded by its sales or its people assisted; each leads to the
     * sale lines (or the households) behind its figure.
     */
    private ChinaMap.Drawing provinceMap(List<Rows.ProvinceTotal> provinces, @Nullable Map<String, Long> people,
                                         boolean acceptedOnly) {
        String accepted = acceptedOnly ? "&accepted=1" : "";
        Map<String, String> names = new HashMap<>();
        List<ChinaMap.Item> items = new ArrayList<>();
        for (Rows.ProvinceTotal province : provinces) {
            names.put(province.code(), province.name());
            BigDecimal value = people == null ? province.gross()
                    : BigDecimal.valueOf(people.getOrDefault(province.code(), 0L));
            String measure = people == null ? "gross" : "people";
            items.add(new ChinaMap.Item(province.code(), value, SummaryCharts.shown(value, measure, figures),
                    (people == null ? "/lines?province=" : "/lines/households?province=") + province.code() + accepted));
        }
        return map.draw(items, names, value -> SummaryCharts.legend(value, people == null ? "gross" : "people", figures));
    }
}

package countylive.summary;

import io.micrometer.core.annotation.Timed;
import countylive.web.Figures;
import countylive.access.CurrentUser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
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
 *
 * <p>Its figures are kept per national version ({@link SummaryVersions#national()}, which moves with
 * every write to any campaign and every change of master data) and "accepted only": every request
 * reads the version (one statement over campaign_county), the figures only when it moved. A browser
 * that holds the page gets 304.
 */
@Controller(value = "/summaries", produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "ASSOCIATION"})
class OverviewController {

    private final OverviewQueries queries;
    private final SummaryVersions versions;
    private final Figures figures;
    /** The figures of the latest national version seen, with and without "accepted only". */
    private final java.util.concurrent.ConcurrentHashMap<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    /** The overview's figures at one national version. */
    private record Kept(List<Rows.CampaignTotal> campaigns, List<Rows.ProvinceTotal> provinces,
                        Rows.ProvinceTotal national, long[] people, @Nullable Map<String, Long> peoplePerProvince) {
    }

    private final ChinaMap map;

    OverviewController(OverviewQueries queries, SummaryVersions versions, Figures figures, ChinaMap map) {
        this.versions = versions;
        this.map = map;
        this.queries = queries;
        this.figures = figures;
    }

    /** @param accepted "1" to count only the campaign counties whose figures are accepted */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "overview"})
    @Get
    HttpResponse<?> overview(@QueryValue @Nullable String accepted, @QueryValue("map") @Nullable String measure,
                             HttpRequest<?> request, Authentication authentication) {
        boolean acceptedOnly = "1".equals(accepted);
        boolean byPeople = "people".equals(measure);
        // the version before the figures: figures kept under it are never older than it says
        String version = versions.national();
        String key = "overview @" + version + (acceptedOnly ? " accepted" : "");
        PageTag tag = PageTag.of(key + " map=" + (byPeople ? "people" : "gross") + " "
                + request.getCookies().findCookie(countylive.web.Languages.COOKIE)
                        .map(io.micronaut.http.cookie.Cookie::getValue).orElse(""), request, CurrentUser.of(authentication));
        if (tag.matches(request)) {
            return tag.notModified();
        }
        Kept figures = kept.get(key);
        if (figures == null) {
            figures = new Kept(queries.campaigns(acceptedOnly), queries.provinces(acceptedOnly),
                    queries.national(acceptedOnly), queries.nationalPeople(acceptedOnly), null);
            // only the latest version is worth keeping
            kept.keySet().removeIf(old -> !old.startsWith("overview @" + version + " ") && !old.equals("overview @" + version));
            kept.put(key, figures);
        }
        if (byPeople && figures.peoplePerProvince() == null) {
            // the map by people assisted, asked for less often: read when first asked for
            figures = new Kept(figures.campaigns(), figures.provinces(), figures.national(), figures.people(),
                    queries.peoplePerProvince(acceptedOnly));
            kept.put(key, figures);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("fig", this.figures);
        model.put("campaigns", figures.campaigns());
        model.put("provinces", figures.provinces());
        model.put("national", figures.national());
        model.put("households", figures.people()[0]);
        model.put("people", figures.people()[1]);
        model.put("acceptedOnly", acceptedOnly);
        model.put("mapMeasure", byPeople ? "people" : "gross");
        model.put("mapSwitch", acceptedOnly ? "/summaries?accepted=1" : "/summaries");
        model.put("map", provinceMap(figures.provinces(), byPeople ? figures.peoplePerProvince() : null, acceptedOnly));
        return tag.headers(HttpResponse.ok(new ModelAndView<>("summary/overview", model)));
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

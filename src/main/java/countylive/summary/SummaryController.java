package countylive.summary;

import io.micrometer.core.annotation.Timed;
import countylive.access.CurrentUser;
import countylive.campaign.Campaigns;
import countylive.campaign.SignOffs;
import countylive.access.Role;
import countylive.web.RecordNotFoundException;
import countylive.web.Figures;
import countylive.web.Messages;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's summary. Administrators and association staff read every campaign; a coordinator
 * reads the campaigns one of their counties takes part in (another campaign is a 404), with
 * their own counties highlighted.
 */
@Controller(value = "/campaigns/{id}/summary", produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "ASSOCIATION", "COORDINATOR"})
class SummaryController {

    static final int TOP_PRODUCTS = 10;
    /** The page lists at most this many products, best-selling first; the workbook lists them all. */
    static final int PRODUCT_LIMIT = 100;

    private final SummaryQueries queries;
    private final Campaigns campaigns;
    private final Figures figures;
    private final boolean demo;
    private final SignOffs signOffs;
    private final ChinaMap map;
    private final Messages messages;

    SummaryController(SummaryQueries queries, Campaigns campaigns, Figures figures, SignOffs signOffs, ChinaMap map,
                      Messages messages, @Value("${countylive.demo:false}") boolean demo) {
        this.map = map;
        this.messages = messages;
        this.signOffs = signOffs;
        this.queries = queries;
        this.campaigns = campaigns;
        this.figures = figures;
        this.demo = demo;
    }

    @Timed(value = "countylive.summaries", extraTags = {"summary", "campaign"})
    @Get
    ModelAndView<Map<String, Object>> show(long id, HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Rows.Campaign campaign = queries.campaign(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
        if (!campaigns.visibleTo(user, id)) {
            throw new RecordNotFoundException("campaign", id);
        }
        SummaryFilter filter = SummaryFilter.of(request, id, campaign.startsOn(), campaign.endsOn());
        Headline headline = queries.headline(filter);
        List<Rows.County> counties = queries.byCounty(filter);
        // the page lists the best-selling products only; the workbook has them all
        Rows.Products top = queries.byProduct(filter, PRODUCT_LIMIT);
        List<Rows.Product> products = top.rows();
        List<Rows.Day> days = queries.byDay(filter);
        List<Rows.Session> sessions = queries.sessions(filter);

        Map<String, Object> model = new HashMap<>();
        model.put("fig", figures);
        model.put("campaign", campaign);
        model.put("partners", queries.partners(id));
        model.put("provinces", queries.provinces(id));
        model.put("filter", filter);
        model.put("h", headline);
        model.put("tally", signOffs.tally(id));
        model.put("progressGross", Headline.progress(headline.gross(), campaign.targetGross()));
        model.put("progressPeople", Headline.progress(headline.people(), campaign.targetPeople()));
        model.put("counties", counties);
        model.put("hosts", queries.byHost(filter));
        model.put("officials", queries.byOfficial(filter));
        model.put("products", products);
        model.put("productCount", top.count());
        model.put("productsCut", top.cut());
        model.put("days", days);
        model.put("sessions", sessions);
        model.put("sessionsCut", headline.sessions() > sessions.size());
        model.put("mine", user.role() == Role.COORDINATOR ? user.countyCodes() : Set.of());
        // the demo campaigns' detail is invented: say so on their summaries
        model.put("demoNote", demo && (campaign.name().equals(countylive.demo.DemoData.teaCampaignName())
                || campaign.name().equals(countylive.demo.DemoData.hubeiCampaignName())));
        String base = "/campaigns/" + id + "/summary";
        model.put("base", base);
        model.put("lines", filter.linesQuery());
        model.put("columns", SummaryColumns.ON_PAGE);
        model.put("links", new SummaryLinks(id, filter.linesQuery(),
                user.role() == Role.COORDINATOR ? user.countyCodes() : Set.of()));
        SummaryColumns.Words words = (key, arguments) -> messages.get(request, key, arguments);
        model.put("words", words);
        model.put("dayChart", SummaryCharts.days(days, figures, base, filter));
        model.put("countyChart", SummaryCharts.counties(counties, figures, filter,
                user.role() == Role.COORDINATOR ? user.countyCodes() : Set.of()));
        String measure = "people".equals(request.getParameters().get("map")) ? "people" : "gross";
        model.put("mapMeasure", measure);
        model.put("map", SummaryCharts.provinces(map, counties, measure, figures, base, filter));
        // switching the map's measure keeps the filter
        model.put("mapSwitch", filter.parameters().isEmpty() ? base : base + "?" + filter.parameters());
        List<Rows.Product> charted = products.subList(0, Math.min(TOP_PRODUCTS, products.size()));
        model.put("productChart", SummaryCharts.products(charted, figures, filter));
        // a sale on another county's behalf counts in the selling county's row, not the product's: say so
        model.put("soldOnBehalf", charted.stream().filter(Rows.Product::soldByOtherCounties)
                .map(product -> product.name() + " · " + product.countyName()).toList());
        return new ModelAndView<>("summary/show", model);
    }
}

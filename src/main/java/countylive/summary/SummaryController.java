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
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A campaign's summary. Administrators and association staff read every campaign; a coordinator
 * reads the campaigns one of their counties takes part in (another campaign is a 404), with
 * their own counties highlighted.
 *
 * <p>The page's body (everything but the layout) is rendered once per campaign version, filter,
 * language, role and counties and kept in {@link RenderedPages}; a browser that still holds the
 * page gets 304 ({@link PageTag}). docs/architecture.md, "Caches", says why this is always right.
 */
@Controller(value = "/campaigns/{id}/summary", produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "ASSOCIATION", "COORDINATOR"})
class SummaryController {

    static final int TOP_PRODUCTS = 10;
    /** With "show all" the page lists at most this many products, best-selling first; the workbook lists them all. */
    static final int PRODUCT_LIMIT = 100;
    /**
     * Without "show all" each breakdown lists its first rows only (the best-selling counties, hosts,
     * officials and products, the first sessions), and a coordinator's own counties besides: a page
     * of a thousand rows took longer to write than its figures took to add up.
     */
    static final int TOP_ROWS = 20;
    /** Stands for the viewer's CSRF token in a cached body; the token is put in when the page is served. */
    static final String CSRF_PLACEHOLDER = "@@csrf-token-of-the-viewer@@";

    private final SummaryQueries queries;
    private final SummaryVersions versions;
    private final RenderedPages pages;
    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final Campaigns campaigns;
    private final Figures figures;
    private final boolean demo;
    private final SignOffs signOffs;
    private final ChinaMap map;
    private final Messages messages;

    SummaryController(SummaryQueries queries, SummaryVersions versions, RenderedPages pages,
                      ThymeleafViewsRenderer<Map<String, Object>> renderer, Campaigns campaigns, Figures figures,
                      SignOffs signOffs, ChinaMap map, Messages messages,
                      @Value("${countylive.demo:false}") boolean demo) {
        this.versions = versions;
        this.pages = pages;
        this.renderer = renderer;
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
    HttpResponse<?> show(long id, HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        // the version before anything else: what is read after it is at least as new, so a body
        // cached under it is never older than it says
        String version = versions.campaign(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
        if (!campaigns.visibleTo(user, id)) {
            throw new RecordNotFoundException("campaign", id);
        }
        Rows.Campaign campaign = queries.campaign(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
        SummaryFilter filter = SummaryFilter.of(request, id, campaign.startsOn(), campaign.endsOn());
        boolean all = request.getParameters().getFirst("all").filter("1"::equals).isPresent();
        String measure = "people".equals(request.getParameters().get("map")) ? "people" : "gross";
        Locale locale = messages.locale(request);
        Set<String> mine = user.role() == Role.COORDINATOR ? new TreeSet<>(user.countyCodes()) : Set.of();
        String key = "campaign " + id + " @" + version + " ?" + filter.parameters() + (all ? " all" : "")
                + " map=" + measure + " " + locale.toLanguageTag() + " " + user.role() + " " + mine;
        PageTag tag = PageTag.of(key, request, user);
        if (tag.matches(request)) {
            return tag.notModified();
        }
        String body = pages.get(key).orElseGet(() -> {
            String rendered = body(request, user, campaign, filter, all, measure, mine);
            pages.put(key, rendered);
            return rendered;
        });
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("body", body.replace(CSRF_PLACEHOLDER, user.csrfToken()));
        return tag.headers(HttpResponse.ok(new ModelAndView<>("summary/show", model)));
    }

    /** The page's body, the same for every viewer of this role and these counties. */
    private String body(HttpRequest<?> request, CurrentUser user, Rows.Campaign campaign, SummaryFilter filter,
                        boolean all, String measure, Set<String> mine) {
        long id = campaign.id();
        Headline headline = queries.headline(filter);
        List<Rows.County> counties = queries.byCounty(filter);
        // the page lists the best-selling products only; the workbook has them all
        Rows.Products top = queries.byProduct(filter, all ? PRODUCT_LIMIT : TOP_ROWS);
        List<Rows.Product> products = top.rows();
        List<Rows.Day> days = queries.byDay(filter);
        List<Rows.Session> sessions = queries.sessions(filter, all ? SummaryQueries.SESSION_LIMIT : TOP_ROWS);
        List<Rows.Person> hosts = queries.byHost(filter);
        List<Rows.Person> officials = queries.byOfficial(filter);

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
        List<Rows.County> shownCounties = all ? counties : top(counties, county -> mine.contains(county.code()));
        model.put("counties", shownCounties);
        model.put("countyCount", counties.size());
        List<Rows.Person> shownHosts = all ? hosts : top(hosts, host -> false);
        List<Rows.Person> shownOfficials = all ? officials : top(officials, official -> false);
        model.put("hosts", shownHosts);
        model.put("hostCount", hosts.size());
        model.put("officials", shownOfficials);
        model.put("officialCount", officials.size());
        model.put("products", products);
        model.put("productCount", top.count());
        model.put("productsCut", top.cut());
        model.put("days", days);
        model.put("sessions", sessions);
        model.put("sessionsCut", headline.sessions() > sessions.size());
        model.put("all", all);
        model.put("mine", mine);
        // the demo campaigns' detail is invented: say so on their summaries
        model.put("demoNote", demo && (campaign.name().equals(countylive.demo.DemoData.teaCampaignName())
                || campaign.name().equals(countylive.demo.DemoData.hubeiCampaignName())));
        String base = "/campaigns/" + id + "/summary";
        model.put("base", base);
        model.put("lines", filter.linesQuery());
        // "show all" keeps the filter
        model.put("showAll", base + "?" + (filter.parameters().isEmpty() ? "" : filter.parameters() + "&") + "all=1"
                + ("people".equals(measure) ? "&map=people" : ""));
        SummaryColumns.OnPage columns = SummaryColumns.ON_PAGE;
        model.put("columns", columns);
        SummaryLinks links = new SummaryLinks(id, filter.linesQuery(), mine);
        SummaryColumns.Words words = (key, arguments) -> messages.get(request, key, arguments);
        // the tables' cells, worked out here rather than by the template (PageRow says why)
        model.put("countyRows", PageRow.of(columns.county(), shownCounties, figures, words, links));
        model.put("hostRows", PageRow.of(columns.host(), shownHosts, figures, words, links));
        model.put("officialRows", PageRow.of(columns.official(), shownOfficials, figures, words, links));
        model.put("productRows", PageRow.of(columns.product(), products, figures, words, links));
        model.put("dayRows", PageRow.of(columns.day(), days, figures, words, links));
        model.put("sessionRows", PageRow.of(columns.session(), sessions, figures, words, links));
        model.put("dayChart", SummaryCharts.days(days, figures, base, filter));
        model.put("countyChart", SummaryCharts.counties(shownCounties, figures, filter, mine));
        model.put("mapMeasure", measure);
        model.put("map", SummaryCharts.provinces(map, counties, measure, figures, base, filter));
        // switching the map's measure keeps the filter
        model.put("mapSwitch", filter.parameters().isEmpty() ? base : base + "?" + filter.parameters());
        List<Rows.Product> charted = products.subList(0, Math.min(TOP_PRODUCTS, products.size()));
        model.put("productChart", SummaryCharts.products(charted, figures, filter));
        // a sale on another county's behalf counts in the selling county's row, not the product's: say so
        model.put("soldOnBehalf", charted.stream().filter(Rows.Product::soldByOtherCounties)
                .map(product -> product.name() + " · " + product.countyName()).toList());
        // who sees the recompute button: the role is part of the cache key, the token is put in when served
        model.put("admin", user.role() == Role.ADMIN);
        model.put("csrfToken", CSRF_PLACEHOLDER);
        Writable page = renderer.render("summary/body", model, request);
        StringWriter out = new StringWriter(64 * 1024);
        try {
            page.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The first {@link #TOP_ROWS} rows, and any later one the viewer must see (their own county's). */
    static <T> List<T> top(List<T> rows, Predicate<T> alsoShown) {
        if (rows.size() <= TOP_ROWS) {
            return rows;
        }
        List<T> shown = new ArrayList<>(rows.subList(0, TOP_ROWS));
        for (T row : rows.subList(TOP_ROWS, rows.size())) {
            if (alsoShown.test(row)) {
                shown.add(row);
            }
        }
        return shown;
    }
}

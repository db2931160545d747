package countylive.summary;

import countylive.ledger.LineFigures;
import countylive.ledger.SessionDraft;
import countylive.host.Platform;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary page is kept per campaign version, filter, language, role and counties, and answered
 * 304 to a browser that holds it: a kept page is never served after a change of its campaign (a
 * grid save, a session edit, a sign-off step, a rename of a product), whoever made it and whoever
 * asks next, and never with another viewer's token.
 */
@MicronautTest(transactional = false)
class SummaryCacheTest {

    static final String YINGSHAN = "421124";
    static final String XINGSHAN = "420526";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    RenderedPages pages;
    @Inject
    MeterRegistry registry;

    long campaign;
    long s1;
    long tea;
    long h1;
    long o1;
    Browser admin;
    Browser staff;
    String path;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        staff = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD);
        SummaryData data = new SummaryData(fixtures);
        campaign = data.campaign("缓存", "2021-03-01", "2021-03-10", null, null);
        data.county(campaign, YINGSHAN, true);
        data.county(campaign, XINGSHAN, false);
        o1 = data.official("张县长", YINGSHAN);
        h1 = data.host("主播甲");
        tea = data.product("云雾茶", YINGSHAN);
        s1 = data.session(campaign, YINGSHAN, "2021-03-02", "10:00", "12:00", 1000L, 600L, 150L,
                new long[] {h1}, new long[] {o1});
        data.sale(s1, tea, 10, 8, "300.00", "20.00");
        path = "/campaigns/" + campaign + "/summary";
    }

    private Browser.Page get(Browser browser, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return browser.send(request.GET());
    }

    /** countylive.summary.cache{outcome}: the node's count of kept bodies served or not found. */
    private double cache(String outcome) {
        Counter counter = registry.find("countylive.summary.cache").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String etag(Browser.Page page) {
        String etag = page.header("ETag");
        assertNotNull(etag, "an ETag on " + page.status());
        return etag;
    }

    @Test
    void anUnchangedPageIsAnswered304AndServedFromTheCacheToTheNextViewer() {
        Browser.Page first = get(admin, null);
        assertEquals(200, first.status());
        assertEquals("¥300.00", Html.figure(first.body(), "gross"));
        assertEquals("private, no-cache", first.header("Cache-Control"));
        String tag = etag(first);

        Browser.Page again = get(admin, tag);
        assertEquals(304, again.status());
        assertEquals(tag, again.header("ETag"));
        assertEquals(0, again.bytes().length);

        // another viewer of the same role: the same figures, but a tag of their own
        int kept = pages.size();
        Browser.Page other = get(staff, null);
        assertEquals(200, other.status());
        assertEquals("¥300.00", Html.figure(other.body(), "gross"));
        assertNotEquals(tag, etag(other));
        assertEquals(200, get(staff, tag).status(), "another viewer's tag is not this viewer's page");
        // association staff have no recompute button: a body of their own
        assertEquals(kept + 1, pages.size());
        double hits = cache("hit");
        double misses = cache("miss");
        Browser.Page otherAdmin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD).get(path);
        assertEquals(kept + 1, pages.size(), "a second administrator is served the kept body");
        assertEquals(hits + 1, cache("hit"), "and the node counts a hit");
        assertEquals(misses, cache("miss"));

        // the language is part of the tag: the same viewer in English gets the English page
        Browser.Page english = admin.language("en").send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("If-None-Match", tag).GET());
        assertEquals(200, english.status());
        assertTrue(english.body().contains("<html lang=\"en\""), english.body());
        assertTrue(english.body().contains("Recompute the summary"));
        assertNotEquals(tag, etag(english));
        assertEquals(200, otherAdmin.status());
    }

    @Test
    void aKeptPageIsNeverServedAfterAChangeOfItsCampaign() throws Exception {
        String tag = etag(get(admin, null));
        assertEquals("¥300.00", Html.figure(get(staff, null).body(), "gross"));

        // a grid save
        new countylive.livestream.EntryData(fixtures).sell(s1, tea, new LineFigures(10, 8, new BigDecimal("450.00"),
                new BigDecimal("20.00")));
        tag = changed(tag, "gross", "¥450.00");

        // a session edit: its audience figures
        int version = Integer.parseInt(fixtures.value("SELECT version FROM live_session WHERE id = ?", s1));
        fixtures.ledger().updateSession(Fixtures.LOADER, s1, version, new SessionDraft(campaign, YINGSHAN,
                Platform.DOUYIN, LocalDateTime.parse("2021-03-02T10:00"), LocalDateTime.parse("2021-03-02T12:00"),
                2500L, 600L, 150L, null, Set.of(h1), Set.of(o1), null));
        tag = changed(tag, "views", "2,500");

        // a sign-off step (through the form): the tally moves
        String signOff = "/campaigns/" + campaign + "/sign-off/";
        assertEquals(303, admin.post(signOff + "submit/" + XINGSHAN, Map.of()).status());
        assertEquals(303, admin.post(signOff + "accept/" + XINGSHAN, Map.of()).status());
        Browser.Page accepted = get(admin, tag);
        assertEquals(200, accepted.status());
        assertTrue(accepted.body().contains("已审核 1/2 县"), accepted.body());
        assertTrue(get(staff, null).body().contains("已审核 1/2 县"));
        tag = etag(accepted);

        // a master-data rename (through the product form), which moves no county's revision
        String revision = fixtures.value("SELECT SUM(revision) FROM campaign_county WHERE campaign_id = ?", campaign);
        Map<String, String> form = new HashMap<>();
        form.put("name", "英山云雾茶");
        form.put("category", "茶叶");
        form.put("unit", "盒");
        form.put("referencePrice", "");
        form.put("county", YINGSHAN);
        form.put("producer", "");
        form.put("version", fixtures.value("SELECT version FROM product WHERE id = ?", tea));
        assertEquals(303, admin.post("/products/" + tea, form).status());
        assertEquals(revision, fixtures.value("SELECT SUM(revision) FROM campaign_county WHERE campaign_id = ?", campaign));
        Browser.Page renamed = get(admin, tag);
        assertEquals(200, renamed.status());
        assertTrue(renamed.body().contains("英山云雾茶"), renamed.body());
        assertTrue(get(staff, null).body().contains("英山云雾茶"));
        assertNotEquals(tag, etag(renamed));
        assertEquals(304, get(admin, etag(renamed)).status(), "unchanged again");
    }

    /** The page after a change: not 304 for the old tag, the new figure for both viewers; its new tag. */
    private String changed(String oldTag, String figure, String expected) {
        Browser.Page page = get(admin, oldTag);
        assertEquals(200, page.status(), "a change is not answered 304");
        assertEquals(expected, Html.figure(page.body(), figure));
        assertEquals(expected, Html.figure(get(staff, null).body(), figure));
        String tag = etag(page);
        assertNotEquals(oldTag, tag);
        return tag;
    }

    @Test
    void aKeptPageCarriesEachViewersOwnToken() {
        Browser first = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        Browser.Page firstPage = first.get(path);
        assertTrue(firstPage.body().contains(first.csrfToken()));
        Browser.Page secondPage = admin.get(path);
        assertTrue(secondPage.body().contains(admin.csrfToken()), "the recompute form carries the viewer's token");
        assertFalse(secondPage.body().contains(first.csrfToken()), "never another viewer's token");
        assertFalse(secondPage.body().contains(SummaryController.CSRF_PLACEHOLDER));
    }

    @Test
    void theOverviewIsKeptUntilAnyCampaignChanges() {
        path = "/summaries";
        Browser.Page first = get(admin, null);
        assertEquals(200, first.status());
        assertEquals("¥300.00", Html.figure(first.body(), "gross"));
        String tag = etag(first);
        assertEquals(304, get(admin, tag).status());
        assertNotEquals(tag, etag(get(staff, null)), "a tag per viewer");

        new countylive.livestream.EntryData(fixtures).sell(s1, tea, new LineFigures(10, 8, new BigDecimal("320.00"),
                new BigDecimal("20.00")));
        Browser.Page after = get(admin, tag);
        assertEquals(200, after.status());
        assertEquals("¥320.00", Html.figure(after.body(), "gross"));
        assertEquals("¥320.00", Html.figure(get(staff, null).body(), "gross"));

        // a campaign renamed by hand, outside the application, and the master version raised as it must be
        fixtures.execute("UPDATE campaign SET name = '缓存二' WHERE id = ?", campaign);
        Browser.Page renamed = get(admin, etag(after));
        assertEquals(200, renamed.status());
        assertTrue(renamed.body().contains("缓存二"));
    }
}

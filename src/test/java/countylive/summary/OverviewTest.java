package countylive.summary;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The overview across campaigns. A: 英山 one session, views 200, 10 units ¥100.00; B: 安溪 one
 * session without audience, 5 units ¥50.00; one household of 3 linked to both campaigns.
 */
@MicronautTest(transactional = false)
class OverviewTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    long a;
    long b;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        SummaryData data = new SummaryData(fixtures);
        a = data.campaign("A", "2021-03-01", "2021-03-02", null, null);
        b = data.campaign("B", "2021-04-01", "2021-04-02", null, null);
        data.county(a, "421124", true);
        data.county(b, "350524", false);
        // the household's county takes part in both campaigns: it is linked in each
        data.county(b, "421124", true);
        long tea = data.product("茶", "421124");
        long oolong = data.product("铁观音", "350524");
        long sa = data.session(a, "421124", "2021-03-01", "10:00", "11:00", 200L, null, null, new long[0], new long[0]);
        long sb = data.session(b, "350524", "2021-04-01", "10:00", "11:00", null, null, null, new long[0], new long[0]);
        data.sale(sa, tea, 10, 9, "100.00", "0");
        data.sale(sb, oolong, 5, 5, "50.00", "5.00");
        long household = data.household("H1", "421124", 3);
        data.link(a, household, "421124", tea);
        data.link(b, household, "421124", tea);
    }

    @Test
    void nationalFiguresCountEachHouseholdOnce() {
        fixtures.association("staff");
        Browser.Page page = new Browser(server.getURI()).login("staff", Fixtures.PASSWORD).get("/summaries");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertEquals("2", Html.figure(body, "campaigns"));
        assertEquals("2", Html.figure(body, "counties"));
        assertEquals("2", Html.figure(body, "sessions"));
        assertEquals("15", Html.figure(body, "units"));
        assertEquals("¥150.00", Html.figure(body, "gross"));
        assertEquals("¥145.00", Html.figure(body, "net"));
        assertEquals("200", Html.figure(body, "views"));
        assertEquals("3", Html.figure(body, "people"));
        assertEquals("1", Html.figure(body, "households"));
        assertEquals(List.of("B", "2021-04-01 – 2021-04-02", "2", "0", "1", "5", "¥50.00", "¥45.00", "", "3"),
                Html.row(body, "data-campaign", String.valueOf(b)));
        assertEquals(List.of("湖北省", "2", "1", "1", "10", "¥100.00", "¥100.00", "200"),
                Html.row(body, "data-province", "420000"));
        assertEquals(List.of("福建省", "1", "1", "1", "5", "¥50.00", "¥45.00", ""),
                Html.row(body, "data-province", "350000"));
    }

    @Test
    void administratorReadsTheOverview() {
        fixtures.admin("root");
        assertEquals(200, new Browser(server.getURI()).login("root", Fixtures.PASSWORD).get("/summaries").status());
    }

    @Test
    void coordinatorIsRefusedTheOverview() {
        fixtures.coordinatorOf("yingshan", "421124");
        assertEquals(403, new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD).get("/summaries").status());
    }
}

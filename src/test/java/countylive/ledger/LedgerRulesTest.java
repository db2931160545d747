package countylive.ledger;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.campaign.Campaigns;
import countylive.host.Platform;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import countylive.web.form.Refusal;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static countylive.livestream.EntryData.XINGSHAN;
import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger keeps its rules whoever calls it: a caller that skipped a form's checks (or a form
 * that forgot one) is refused all the same, and nothing is written.
 */
@MicronautTest(transactional = false)
class LedgerRulesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Ledger ledger;
    @Inject
    Campaigns campaigns;

    EntryData data;
    long campaign;
    long session;
    long tea;
    long xingshanTea;
    CurrentUser yingshan;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        data = new EntryData(fixtures);
        campaign = data.teaCampaign();
        session = data.session(campaign, YINGSHAN, "2020-04-10");
        tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        xingshanTea = data.product("兴山白茶", XINGSHAN, null);
        yingshan = new CurrentUser(Long.parseLong(String.valueOf(fixtures.coordinatorOf("yingshan", YINGSHAN))),
                "yingshan", "英山协调员", Role.COORDINATOR, Set.of(YINGSHAN), "");
    }

    @Test
    void aGridLineWithAnUnconfirmedImplausiblePriceIsRefused() {
        Refusal refusal = assertThrows(Refusal.class, () -> ledger.saveSales(yingshan, grid(Map.of(tea,
                figures(10, "100000.00")), Set.of(), Set.of()), null));
        assertEquals("gross." + tea + " sale.priceWarning", first(refusal));
        assertEquals("0", lines());
        ledger.saveSales(yingshan, grid(Map.of(tea, figures(10, "100000.00")), Set.of(tea), Set.of()), null);
        assertEquals("1", lines());
    }

    @Test
    void aNewLineOfAnotherCountysProductNeedsItsSaleOnBehalfConfirmed() {
        Refusal refusal = assertThrows(Refusal.class, () -> ledger.saveSales(yingshan,
                grid(Map.of(xingshanTea, figures(3, "30.00")), Set.of(), Set.of()), null));
        assertEquals("onBehalf.add sale.onBehalfRequired", first(refusal));
        ledger.saveSales(yingshan, grid(Map.of(xingshanTea, figures(3, "30.00")), Set.of(), Set.of(xingshanTea)), null);
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM sale_line WHERE on_behalf"));
        // once sold on its behalf, the line stays in the grid and changes without a new confirmation
        ledger.saveSales(yingshan, grid(Map.of(xingshanTea, figures(4, "40.00")), Set.of(), Set.of()), null);
        assertEquals("4", fixtures.value("SELECT units FROM sale_line WHERE product_id = ?", xingshanTea));
    }

    @Test
    void aCoordinatorCannotChangeAnotherCountysSessionThroughTheLedgerEither() {
        long other = data.session(campaign, XINGSHAN, "2020-04-11");
        String version = fixtures.value("SELECT version FROM live_session WHERE id = ?", other);
        Refusal refusal = assertThrows(Refusal.class, () -> ledger.saveSales(yingshan, new SalesGrid(other,
                Integer.parseInt(version), Map.of(xingshanTea, figures(1, "10.00")), Set.of(), Set.of()), null));
        assertEquals("null ledger.notYourCounty", first(refusal));
        assertThrows(Refusal.class, () -> ledger.deleteSession(yingshan, other));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session WHERE id = ?", other));
        assertEquals("0", lines());
    }

    @Test
    void aSessionOutsideTheCampaignsPeriodOrWithAnotherCountysOfficialIsRefused() {
        long chief = data.official("李县长", "县长", XINGSHAN);
        Refusal outside = assertThrows(Refusal.class, () -> ledger.createSession(yingshan, draft(
                LocalDateTime.parse("2020-06-01T19:00"), Set.of()), null));
        assertEquals("date session.outsidePeriod", first(outside));
        Refusal official = assertThrows(Refusal.class, () -> ledger.createSession(yingshan, draft(
                LocalDateTime.parse("2020-04-12T19:00"), Set.of(chief)), null));
        assertEquals("officials session.officialOfOtherCounty", first(official));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
    }

    /** The campaign's revision rises with each committed change of its data and of itself, and never falls. */
    @Test
    void theCampaignsRevisionRisesWithEveryChangeAndNeverFalls() {
        long before = campaigns.revision(campaign).orElseThrow();
        ledger.saveSales(yingshan, grid(Map.of(tea, figures(10, "1000.00")), Set.of(), Set.of()), null);
        long afterSave = campaigns.revision(campaign).orElseThrow();
        assertTrue(afterSave > before, before + " then " + afterSave);
        assertThrows(Refusal.class, () -> ledger.saveSales(yingshan, grid(Map.of(tea, figures(10, "100000.00")),
                Set.of(), Set.of()), null));
        assertEquals(afterSave, campaigns.revision(campaign).orElseThrow(), "a refused change is not a change");

        // a county with a revision of its own leaves the campaign through the campaign form: the
        // campaign's revision does not fall (it rises: the edit locks, so counts, every county)
        long other = data.session(campaign, XINGSHAN, "2020-04-11");
        ledger.deleteSession(Fixtures.LOADER, other);
        long withXingshan = campaigns.revision(campaign).orElseThrow();
        assertTrue(Long.parseLong(fixtures.value("SELECT revision FROM campaign_county WHERE campaign_id = ?"
                + " AND county_code = ?", campaign, XINGSHAN)) > 1, "Xingshan's own changes count");
        fixtures.admin("boss");
        Browser admin = new Browser(server.getURI()).login("boss", Fixtures.PASSWORD);
        Browser.Page edited = admin.postMulti("/campaigns/" + campaign, List.of(Map.entry("name", "县长来直播·春茶季"),
                Map.entry("theme", "茶叶"), Map.entry("startsOn", "2020-04-02"), Map.entry("endsOn", "2020-05-24"),
                Map.entry("status", "ACTIVE"), Map.entry("county", YINGSHAN),
                Map.entry("version", fixtures.value("SELECT version FROM campaign WHERE id = ?", campaign))));
        assertEquals(303, edited.status(), edited.body());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM campaign_county WHERE county_code = ?", XINGSHAN));
        assertTrue(campaigns.revision(campaign).orElseThrow() > withXingshan);
    }

    private SalesGrid grid(Map<Long, LineFigures> lines, Set<Long> warnings, Set<Long> onBehalf) {
        int version = Integer.parseInt(fixtures.value("SELECT version FROM live_session WHERE id = ?", session));
        return new SalesGrid(session, version, lines, warnings, onBehalf);
    }

    private SessionDraft draft(LocalDateTime starts, Set<Long> officials) {
        return new SessionDraft(campaign, YINGSHAN, Platform.DOUYIN, starts, starts.plusHours(2), null, null, null, null,
                Set.of(), officials, null);
    }

    private String lines() {
        return fixtures.value("SELECT COUNT(*) FROM sale_line");
    }

    private static LineFigures figures(long units, String gross) {
        return new LineFigures(units, units, new BigDecimal(gross), BigDecimal.ZERO.setScale(2));
    }

    private static String first(Refusal refusal) {
        return refusal.problems().get(0).field() + " " + refusal.problems().get(0).key();
    }
}

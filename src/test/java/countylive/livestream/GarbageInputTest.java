package countylive.livestream;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Garbage in every field of every entry form: refused with 4xx, never a 500, never echoed as markup. */
@MicronautTest(transactional = false)
class GarbageInputTest {

    private static final List<String> GARBAGE = List.of("", "   ", "x".repeat(5000), "<script>alert(1)</script>",
            "' OR 1=1; DROP TABLE live_session; --", "１２３４", "\u0000\u0007", "😀\u202e\u200b", "-0", "1e3",
            "99999999999999999999999", "NaN", "2020-02-30", "25:61", "0x10", "null");

    private static final Map<String, List<String>> FORMS = Map.of(
            "session", List.of("county", "platform", "date", "start", "end", "nextDay", "hosts", "officials", "views",
                    "uniqueViewers", "peakViewers", "newFollowers", "newHostName", "newHostPlatform", "newHostHandle",
                    "version", "submission"),
            "sales", List.of("product", "units", "orders", "gross", "refunds", "confirm", "addProduct", "addUnits",
                    "addOrders", "addGross", "addRefunds", "addOnBehalf", "addConfirm", "version", "submission"),
            "household", List.of("registrationNo", "county", "village", "headName", "members", "version", "submission"),
            "link", List.of("campaign", "product", "income", "version", "submission"));

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @Test
    void noFormAnswersGarbageWithAServerError() {
        EntryData data = new EntryData(fixtures);
        long campaign = data.teaCampaign();
        long session = data.session(campaign, YINGSHAN, "2020-04-10");
        data.product("英山云雾茶", YINGSHAN, "100.00");
        long household = data.household("4211240001", YINGSHAN, "张三");
        long link = data.link(campaign, household, YINGSHAN, "10.00");
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        Map<String, List<String>> paths = Map.of(
                "session", List.of("/campaigns/" + campaign + "/sessions", "/sessions/" + session),
                "sales", List.of("/sessions/" + session + "/sales"),
                "household", List.of("/households", "/households/" + household),
                "link", List.of("/households/" + household + "/links", "/beneficiary-links/" + link));
        for (String garbage : GARBAGE) {
            for (var form : FORMS.entrySet()) {
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                form.getValue().forEach(field -> fields.add(Map.entry(field, garbage)));
                for (String path : paths.get(form.getKey())) {
                    Browser.Page page = coordinator.postMulti(path, fields);
                    assertTrue(page.status() < 500 && page.status() != 200, path + " <- " + garbage + ": " + page.status());
                    assertFalse(page.body().contains("<script>alert"), "markup is escaped");
                }
            }
        }
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM live_session"));
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM household"));
        assertEquals("10.00", fixtures.value("SELECT income FROM beneficiary_link"));
    }

    @Test
    void salesGridWithRowsThatDoNotLineUpIsRefused() {
        EntryData data = new EntryData(fixtures);
        long session = data.session(data.teaCampaign(), YINGSHAN, "2020-04-10");
        long tea = data.product("英山云雾茶", YINGSHAN, "100.00");
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        Browser.Page page = coordinator.postMulti("/sessions/" + session + "/sales", List.of(
                Map.entry("version", "0"), Map.entry("submission", java.util.UUID.randomUUID().toString()),
                Map.entry("product", String.valueOf(tea)), Map.entry("product", String.valueOf(tea)),
                Map.entry("units", "1")));
        assertEquals(422, page.status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM sale_line"));
    }

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("yingshan", YINGSHAN);
    }
}

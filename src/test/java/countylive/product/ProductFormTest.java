package countylive.product;

import countylive.campaign.CampaignData;
import countylive.campaign.Garbage;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product form: money input, the county of origin, one name per county, and the round trip. */
@MicronautTest(transactional = false)
class ProductFormTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        fixtures.association("staff");
        fixtures.coordinatorOf("yingshan", "421124");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
    }

    @Test
    void createsProductAndRedirectsToIt() {
        Browser.Page page = admin.post("/products", newProduct("英山云雾茶", "421124", "1,280.5"));
        assertEquals(303, page.status(), page.body());
        String id = fixtures.value("SELECT id FROM product");
        assertEquals("/products/" + id + "?flash=created", page.location());
        assertEquals("英山云雾茶 茶叶 盒 1280.50 421124 英山茶厂", fixtures.value("SELECT CONCAT_WS(' ', name, category, "
                + "unit, reference_price, county_code, producer) FROM product WHERE id = ?", id));
        assertEquals("CREATE root 421124", fixtures.value("SELECT CONCAT(action, ' ', username, ' ', county_code) "
                + "FROM audit_event WHERE entity_type = 'product' AND entity_id = ?", id));
        String shown = admin.get(page.location()).body();
        assertTrue(shown.contains("已创建") && shown.contains("1,280.50") && shown.contains("英山县（湖北省）"), shown);
    }

    @Test
    void acceptsFullWidthDigitsAndNoPrice() {
        assertEquals(303, admin.post("/products", newProduct("铁观音", "安溪县", "１２３４")).status());
        assertEquals(303, admin.post("/products", newProduct("普洱", "530826", "")).status());
        assertEquals(List.of("1234.00", "NULL"), fixtures.column(
                "SELECT COALESCE(reference_price, 'NULL') FROM product ORDER BY id"));
    }

    @Test
    void rejectsBadPricesAndKeepsWhatWasTyped() {
        for (String[] bad : new String[][]{{"abc", "请输入金额"}, {"1e3", "请输入金额"}, {"-1", "不能为负数"},
                {"12.345", "金额最多两位小数"}}) {
            Browser.Page page = admin.post("/products", newProduct("英山云雾茶", "421124", bad[0]));
            assertEquals(422, page.status(), bad[0]);
            assertTrue(page.body().contains(bad[1]) && page.body().contains("value=\"" + bad[0] + "\"")
                    && page.body().contains("value=\"英山云雾茶\""), page.body());
        }
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM product"));
    }

    @Test
    void rejectsMissingFieldsAndUnknownCounty() {
        Map<String, String> form = new HashMap<>(newProduct("", "不存在县", ""));
        form.put("unit", "");
        form.put("category", "茶".repeat(51));
        Browser.Page page = admin.post("/products", form);
        assertEquals(422, page.status());
        String body = page.body();
        assertTrue(body.contains("请填写此项") && body.contains("最多 50 个字符")
                && body.contains("未知的县代码或名称：不存在县"), body);
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM product"));
    }

    @Test
    void nameIsUniquePerCounty() {
        admin.post("/products", newProduct("云雾茶", "421124", ""));
        assertEquals(303, admin.post("/products", newProduct("云雾茶", "420526", "")).status(), "other county");
        Browser english = new Browser(server.getURI()).language("en").login("root", Fixtures.PASSWORD);
        Browser.Page clash = english.post("/products", newProduct("云雾茶", "英山县", "10"));
        assertEquals(422, clash.status());
        assertTrue(clash.body().contains("This county already has a product of this name."), clash.body());
        assertEquals("2", fixtures.value("SELECT COUNT(*) FROM product"));
    }

    @Test
    void doubleSubmitMakesOneProduct() {
        Map<String, String> form = newProduct("英山云雾茶", "421124", "");
        assertEquals(303, admin.post("/products", form).status());
        Browser.Page second = admin.post("/products", form);
        assertEquals(303, second.status());
        assertEquals("/products/" + fixtures.value("SELECT id FROM product"), second.location());
        assertEquals("1", fixtures.value("SELECT COUNT(*) FROM product"));
    }

    @Test
    void editsAndRefusesAStaleEdit() {
        admin.post("/products", newProduct("英山云雾茶", "421124", "100"));
        String id = fixtures.value("SELECT id FROM product");
        String version = version(admin.get("/products/" + id + "/edit").body());
        Browser.Page first = admin.post("/products/" + id, edit("英山云雾茶", "128", version));
        assertEquals(303, first.status(), first.body());
        Browser.Page second = admin.post("/products/" + id, edit("英山云雾茶", "256", version));
        assertEquals(409, second.status());
        assertTrue(second.body().contains("已被他人修改") && second.body().contains("value=\"256\""), second.body());
        assertEquals("128.00", fixtures.value("SELECT reference_price FROM product"));
        assertTrue(fixtures.value("SELECT changes FROM audit_event WHERE action = 'UPDATE'")
                .contains("[\"100.00\",\"128.00\"]"));
    }

    @Test
    void deleteIsRefusedWhileSaleLinesOrBeneficiariesUseTheProduct() {
        admin.post("/products", newProduct("英山云雾茶", "421124", ""));
        String id = fixtures.value("SELECT id FROM product");
        CampaignData data = new CampaignData(fixtures);
        long campaign = data.teaCampaign("春茶", "ACTIVE", "421124");
        long session = data.session(campaign, "421124");
        fixtures.execute("INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, units, "
                + "orders, gross, created_at, updated_at) VALUES (?, ?, '421124', '2020-04-10', ?, 10, 8, 1280, NOW(), NOW())",
                session, campaign, id);
        long link = data.beneficiaryLink(campaign, "421124");
        fixtures.execute("UPDATE beneficiary_link SET product_id = ? WHERE id = ?", id, link);
        Browser.Page refused = admin.post("/products/" + id + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("1 条销售记录、1 个帮扶对象"), refused.body());
        fixtures.execute("DELETE FROM sale_line");
        fixtures.execute("UPDATE beneficiary_link SET product_id = NULL");
        assertEquals(303, admin.post("/products/" + id + "/delete", Map.of()).status());
        assertEquals("0", fixtures.value("SELECT COUNT(*) FROM product"));
        assertEquals("DELETE", fixtures.value("SELECT action FROM audit_event WHERE action = 'DELETE'"));
    }

    @Test
    void associationAndCoordinatorsReadButCannotChange() {
        admin.post("/products", newProduct("英山云雾茶", "421124", ""));
        String id = fixtures.value("SELECT id FROM product");
        for (String user : List.of("staff", "yingshan")) {
            Browser browser = new Browser(server.getURI()).login(user, Fixtures.PASSWORD);
            assertEquals(200, browser.get("/products").status());
            assertEquals(200, browser.get("/products/" + id).status());
            assertEquals(403, browser.get("/products/new").status());
            assertEquals(403, browser.post("/products", newProduct("x", "421124", "")).status());
            assertEquals(403, browser.post("/products/" + id, edit("x", "", "0")).status());
            assertEquals(403, browser.post("/products/" + id + "/delete", Map.of()).status());
        }
        assertEquals("英山云雾茶", fixtures.value("SELECT name FROM product"));
    }

    @Test
    void listIsSearchableSortableAndPaged() {
        for (int i = 1; i <= 30; i++) {
            fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, "
                    + "updated_at) VALUES (?, ?, '盒', ?, '421124', NOW(), NOW())", String.format("商品%02d", i),
                    i == 7 ? "蜂蜜" : "茶叶", i);
        }
        Browser.Page first = admin.get("/products");
        assertTrue(first.body().contains("商品01") && !first.body().contains("商品26"), "25 a page");
        assertTrue(first.body().contains("第 1 页，共 2 页（30 条）"), first.body());
        String byPrice = admin.get("/products?sort=referencePrice&dir=desc").body();
        assertTrue(byPrice.indexOf("商品30") < byPrice.indexOf("商品29"));
        String found = admin.get("/products?q=%E8%9C%82%E8%9C%9C").body(); // 蜂蜜
        assertTrue(found.contains("商品07") && !found.contains("商品08"), found);
    }

    @Test
    void unknownProductIsA404Page() {
        assertEquals(404, admin.get("/products/999999").status());
        assertEquals(404, admin.get("/products/999999/edit").status());
        assertEquals(404, admin.post("/products/999999/delete", Map.of()).status());
    }

    @Test
    void garbageInEveryFieldNeverGivesAServerError() {
        admin.post("/products", newProduct("英山云雾茶", "421124", ""));
        String id = fixtures.column("SELECT id FROM product ORDER BY id").get(0);
        for (String garbage : Garbage.VALUES) {
            Map<String, String> form = new HashMap<>();
            for (String field : List.of("name", "category", "unit", "referencePrice", "county", "producer")) {
                form.put(field, garbage);
            }
            form.put("submission", UUID.randomUUID().toString());
            int created = admin.post("/products", form).status();
            assertTrue(created == 422 || created == 303, garbage + " gave " + created);
            form.put("version", garbage);
            int updated = admin.post("/products/" + id, form).status();
            assertTrue(updated == 422 || updated == 409 || updated == 303, garbage + " gave " + updated);
        }
    }

    private static Map<String, String> newProduct(String name, String county, String price) {
        return Map.of("name", name, "category", "茶叶", "unit", "盒", "referencePrice", price, "county", county,
                "producer", "英山茶厂", "submission", UUID.randomUUID().toString());
    }

    private static Map<String, String> edit(String name, String price, String version) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("category", "茶叶");
        form.put("unit", "盒");
        form.put("referencePrice", price);
        form.put("county", "421124");
        form.put("producer", "");
        form.put("version", version);
        return form;
    }

    private static String version(String html) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}

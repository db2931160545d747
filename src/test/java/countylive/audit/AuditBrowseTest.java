package countylive.audit;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administrators browse the whole trail, newest first, by record, user and dates. */
@MicronautTest(transactional = false)
class AuditBrowseTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    Browser admin;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.admin("root");
        admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        event("2020-04-02 10:00:00", "root", "partner", "1", "{\"name\":[null,\"抖音\"]}");
        event("2020-04-03 11:00:00", "wang", "partner", "1", "{\"name\":[\"抖音\",\"抖音电商\"]}");
        event("2020-05-24 12:00:00", "wang", "partner", "2", "{\"name\":[null,\"中国茶叶学会\"]}");
        event("2020-05-25 09:00:00", "root", "account", "7", "{\"password\":[null,null]}");
    }

    @Test
    void showsEverythingNewestFirstWithBeforeAndAfter() {
        String body = admin.get("/audit").body();
        assertTrue(body.indexOf("2020-05-25 09:00") < body.indexOf("2020-05-24 12:00"), body);
        assertTrue(body.indexOf("2020-04-03 11:00") < body.indexOf("2020-04-02 10:00"));
        assertTrue(body.contains("<del>抖音</del>") && body.contains("<ins>抖音电商</ins>"), body);
        assertTrue(body.contains("已修改（不记录内容）"), "a password change shows without values");
    }

    @Test
    void filtersByRecordUserAndDates() {
        String record = admin.get("/audit?type=partner&id=1").body();
        assertTrue(record.contains("抖音电商") && !record.contains("中国茶叶学会"), record);
        assertTrue(record.contains("（2 条）"), record);
        String user = admin.get("/audit?user=wang").body();
        assertTrue(user.contains("中国茶叶学会") && user.contains("抖音电商") && !user.contains("2020-04-02 10:00"), user);
        String dates = admin.get("/audit?from=2020-04-03&to=2020-05-24").body();
        assertTrue(dates.contains("2020-04-03 11:00") && dates.contains("2020-05-24 12:00"), dates);
        assertFalse(dates.contains("2020-04-02 10:00") || dates.contains("2020-05-25 09:00"), dates);
    }

    @Test
    void refusesAnEndBeforeTheStartAndABadDate() {
        Browser.Page page = admin.get("/audit?from=2020-05-01&to=2020-04-01");
        assertEquals(422, page.status());
        assertTrue(page.body().contains("结束日期不能早于开始日期"), page.body());
        Browser.Page bad = admin.get("/audit?from=yesterday");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("value=\"yesterday\""), "typed filter kept");
    }

    @Test
    void pagesKeepTheFilters() {
        for (int i = 0; i < 30; i++) {
            event("2020-04-10 10:" + String.format("%02d", i) + ":00", "li", "partner", "9", "{\"name\":[null,\"x\"]}");
        }
        String first = admin.get("/audit?user=li").body();
        assertTrue(first.contains("第 1 页，共 2 页（30 条）"), first);
        assertTrue(first.contains("href=\"/audit?user=li&amp;page=1\""), first);
        assertTrue(admin.get("/audit?user=li&page=1").body().contains("2020-04-10 10:00"));
    }

    @Test
    void onlyAdministratorsSeeTheTrail() {
        fixtures.association("staff");
        fixtures.coordinatorOf("zhao", "421124");
        assertEquals(403, new Browser(server.getURI()).login("staff", Fixtures.PASSWORD).get("/audit").status());
        assertEquals(403, new Browser(server.getURI()).login("zhao", Fixtures.PASSWORD).get("/audit").status());
    }

    private void event(String at, String username, String type, String id, String changes) {
        fixtures.execute("INSERT INTO audit_event (occurred_at, username, action, entity_type, entity_id, changes) "
                + "VALUES (?, ?, 'UPDATE', ?, ?, ?)", at, username, type, id, changes);
    }
}

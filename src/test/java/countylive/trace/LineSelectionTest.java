package countylive.trace;

import countylive.access.CurrentUser;
import countylive.access.Role;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the lines page reads its filters from a URL, and the SQL conditions they become. */
class LineSelectionTest {

    private static final CurrentUser STAFF = new CurrentUser(2, "staff", "张三", Role.ASSOCIATION, Set.of(), "t");
    private static final CurrentUser COORDINATOR = new CurrentUser(3, "ys", "李四", Role.COORDINATOR, Set.of("421124"), "t");

    private static LineSelection of(String query, CurrentUser user) {
        return LineSelection.of(HttpRequest.GET("/lines?" + query), user);
    }

    @Test
    void aDayIsARangeOfOneDayAndReversedDatesAreSwapped() {
        LineSelection day = of("campaign=7&day=2020-04-10", STAFF);
        assertEquals(LocalDate.of(2020, 4, 10), day.from());
        assertEquals(LocalDate.of(2020, 4, 10), day.to());
        LineSelection range = of("from=2020-05-01&to=2020-04-01", STAFF);
        assertEquals(LocalDate.of(2020, 4, 1), range.from());
        assertEquals(LocalDate.of(2020, 5, 1), range.to());
    }

    @Test
    void malformedParametersAreIgnoredNotSentToTheDatabase() {
        LineSelection s = of("campaign=1%20OR%201=1&county=42112&province=abc&host=-1&platform=DROP&day=tomorrow", STAFF);
        assertNull(s.campaignId());
        assertNull(s.countyCode());
        assertNull(s.provinceCode());
        assertNull(s.hostId());
        assertNull(s.platform());
        assertNull(s.from());
        assertFalse(s.isNarrowed());
        List<Object> p = new ArrayList<>();
        assertEquals("TRUE", s.lines(p));
        assertEquals(List.of(), p);
    }

    @Test
    void aCoordinatorIsAlwaysKeptToTheirCounties() {
        LineSelection s = of("campaign=7&county=420526", COORDINATOR);
        List<Object> p = new ArrayList<>();
        String where = s.lines(p);
        assertTrue(where.contains("l.county_code = ?") && where.contains("l.county_code IN (?)"), where);
        assertEquals(List.of(7L, "420526", "421124"), p, "asking for another county selects nothing of it");
        assertNull(of("campaign=7", STAFF).within(), "staff and administrators read every county");
    }

    @Test
    void aHostSelectsTheLinesOfTheSessionsTheyHostedAndThePlatformNeedsTheSession() {
        LineSelection s = of("campaign=7&host=5&platform=DOUYIN&accepted=1", STAFF);
        List<Object> p = new ArrayList<>();
        String where = s.lines(p);
        assertTrue(where.contains("l.session_id IN (SELECT session_id FROM live_session_host WHERE host_id = ?)"), where);
        assertTrue(where.contains("s.platform = ?") && where.contains("sign_off = 'ACCEPTED'"), where);
        assertEquals(List.of(7L, 5L, "DOUYIN"), p);
        assertTrue(s.sessionJoin().contains("JOIN live_session s"));
        assertEquals("", of("campaign=7", STAFF).sessionJoin(), "a campaign's lines need no join");
        assertEquals("campaign=7&host=5&platform=DOUYIN&accepted=1", s.query());
    }
}

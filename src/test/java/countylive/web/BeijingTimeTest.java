package countylive.web;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One time zone, Beijing time, for what the application shows, what it stores and what the
 * database computes, whatever the zone of the machine it runs on (the test machines run UTC).
 */
@MicronautTest(transactional = false)
class BeijingTimeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
    }

    @Test
    void accountPageShowsItsTimesInBeijingTimeLikeItsHistory() {
        fixtures.admin("root");
        Browser admin = new Browser(server.getURI()).login("root", Fixtures.PASSWORD);
        Browser.Page created = admin.post("/accounts", Map.of("username", "wang.fang", "displayName", "王芳",
                "role", "ASSOCIATION", "counties", "", "password", "initial-pass-1",
                "submission", UUID.randomUUID().toString()));
        assertEquals(303, created.status(), created.body());

        String page = admin.get(created.location()).body();
        LocalDateTime passwordChanged = time(page, "密码修改时间</dt>");
        LocalDateTime historyEntry = time(page.substring(page.indexOf("class=\"history\"")), "<tbody>");
        LocalDateTime beijingNow = LocalDateTime.now(BEIJING);
        assertTrue(minutesApart(passwordChanged, historyEntry) <= 1, passwordChanged + " vs history " + historyEntry);
        assertTrue(minutesApart(passwordChanged, beijingNow) <= 2, passwordChanged + " is not Beijing time " + beijingNow);
        assertTrue(minutesApart(LocalDateTime.parse(fixtures.value(
                "SELECT DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s') FROM app_user WHERE username = 'wang.fang'")),
                beijingNow) <= 2, "created_at stored in Beijing time");
    }

    @Test
    void databaseComputesNowInBeijingTime() {
        assertEquals("+08:00", fixtures.value("SELECT @@session.time_zone"));
        LocalDateTime databaseNow = LocalDateTime.parse(fixtures.value("SELECT DATE_FORMAT(NOW(), '%Y-%m-%dT%H:%i:%s')"));
        assertTrue(minutesApart(databaseNow, LocalDateTime.now(BEIJING)) <= 1, "NOW() is " + databaseNow);
    }

    @Test
    void jvmDefaultIsBeijingTimeOnceTheApplicationRuns() {
        assertEquals(BEIJING, TimeZone.getDefault().toZoneId());
    }

    private static LocalDateTime time(String html, String before) {
        Matcher matcher = Pattern.compile(Pattern.quote(before) + "[\\s\\S]*?(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})").matcher(html);
        assertTrue(matcher.find(), "no time after " + before + " in\n" + html);
        return LocalDateTime.parse(matcher.group(1), MINUTES);
    }

    private static long minutesApart(LocalDateTime a, LocalDateTime b) {
        return Math.abs(Duration.between(a, b).toMinutes());
    }
}

package countylive.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import countylive.livestream.EntryData;
import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static countylive.livestream.EntryData.YINGSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log has one line per request (user, route, status, time) and one per write (the records by
 * type and id), and never a password, a token or a household's name; LOG_FORMAT=json makes it JSON.
 */
@MicronautTest(transactional = false)
class LogLinesTest {

    private static final String HEAD_NAME = "石秀兰";
    private static final String WRONG_PASSWORD = "not-the-password-7731";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() {
        fixtures.clean();
        new EntryData(fixtures).teaCampaign();
        fixtures.coordinatorOf("yingshan", YINGSHAN);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(log);
        fixtures.clean();
    }

    @Test
    void aRequestAndAWriteEachLeaveOneLineWithoutPasswordsTokensOrNames() {
        Browser guesser = new Browser(server.getURI());
        String loginForm = guesser.get("/login").body();
        String loginToken = loginForm.replaceAll("(?s).*name=\"loginToken\" value=\"([^\"]*)\".*", "$1");
        assertEquals(401, guesser.postRaw("/login", Map.of("username", "yingshan", "password", WRONG_PASSWORD,
                "loginToken", loginToken)).status());

        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        Browser.Page created = coordinator.post("/households", Map.of("registrationNo", "4211240001", "county", YINGSHAN,
                "village", "石镇村", "headName", HEAD_NAME, "members", "4", "submission", UUID.randomUUID().toString()));
        assertEquals(303, created.status(), created.body());
        String id = fixtures.value("SELECT id FROM household WHERE registration_no = '4211240001'");
        assertEquals(200, coordinator.get("/households/" + id).status());
        assertEquals(200, coordinator.get("/households?q=" + URLEncoder.encode(HEAD_NAME, StandardCharsets.UTF_8)).status());
        assertEquals(403, coordinator.get("/accounts").status());

        List<String> requests = lines("countylive.request");
        assertTrue(requests.stream().anyMatch(line -> line.matches("POST /households 303 \\d+ ms user=yingshan")), requests.toString());
        assertTrue(requests.stream().anyMatch(line -> line.matches("GET /households/\\{id} 200 \\d+ ms user=yingshan")), requests.toString());
        assertTrue(requests.stream().anyMatch(line -> line.matches("POST /login 401 \\d+ ms user=-")), requests.toString());
        assertTrue(requests.stream().anyMatch(line -> line.matches("GET /accounts 403 \\d+ ms user=yingshan")),
                "a refused request is logged too: " + requests);
        assertEquals(List.of("yingshan wrote 1 record: CREATE household " + id), lines("countylive.write"));

        String everything = log.list.stream().map(event -> event.getFormattedMessage() + " "
                + (event.getKeyValuePairs() == null ? "" : event.getKeyValuePairs().toString())).collect(Collectors.joining("\n"));
        String sessionCookie = coordinator.cookieHeader().replaceAll(".*CL_SESSION=([^;]*).*", "$1");
        for (String secret : List.of(WRONG_PASSWORD, Fixtures.PASSWORD, HEAD_NAME, loginToken, coordinator.csrfToken(),
                sessionCookie)) {
            assertFalse(secret.isBlank(), "a secret to look for");
            assertFalse(everything.contains(secret), "'" + secret + "' is in the log:\n" + everything);
        }
    }

    /** The JSON format is chosen by one setting, and its request lines carry the request's facts as fields. */
    @Test
    void logFormatJsonWritesEachEventAsOneJsonObjectWithTheRequestFields() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("LOG_FORMAT", "json");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        Appender<ILoggingEvent> json = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
        assertTrue(((ConsoleAppender<ILoggingEvent>) json).getEncoder() instanceof JsonEncoder,
                "LOG_FORMAT=json writes JSON");
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream().allMatch(status -> status.getLevel() == 0),
                "and the configuration has nothing to complain about: " + context.getStatusManager().getCopyOfStatusList());

        coordinatorRequest();
        ILoggingEvent request = log.list.stream().filter(event -> event.getLoggerName().equals("countylive.request"))
                .findFirst().orElseThrow();
        JsonEncoder encoder = (JsonEncoder) ((ConsoleAppender<ILoggingEvent>) json).getEncoder();
        String line = new String(encoder.encode(request), StandardCharsets.UTF_8).trim();
        assertFalse(line.contains("\n"), "one line: " + line);
        Map<?, ?> parsed = io.micronaut.json.JsonMapper.createDefault().readValue(line, Map.class);
        assertEquals("countylive.request", parsed.get("loggerName"), line);
        assertTrue(String.valueOf(parsed.get("formattedMessage")).startsWith("GET /campaigns 200 "), line);
        assertTrue(String.valueOf(parsed.get("kvpList")).contains("route=/campaigns"), line);
        context.stop();

        LoggerContext plain = new LoggerContext();
        JoranConfigurator text = new JoranConfigurator();
        text.setContext(plain);
        text.doConfigure(getClass().getResource("/logback.xml"));
        Appender<ILoggingEvent> plainConsole = plain.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
        assertTrue(((ConsoleAppender<ILoggingEvent>) plainConsole).getEncoder() instanceof PatternLayoutEncoder,
                "plain lines without the setting");
        assertTrue(plain.getStatusManager().getCopyOfStatusList().stream().allMatch(status -> status.getLevel() == 0),
                plain.getStatusManager().getCopyOfStatusList().toString());
        plain.stop();
    }

    private void coordinatorRequest() {
        Browser coordinator = new Browser(server.getURI()).login("yingshan", Fixtures.PASSWORD);
        log.list.clear();
        assertEquals(200, coordinator.get("/campaigns").status());
    }

    private List<String> lines(String logger) {
        return log.list.stream().filter(event -> event.getLoggerName().equals(logger))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}

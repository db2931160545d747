package countylive.account;

import countylive.support.Browser;
import countylive.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guesses sent all at once are counted like guesses sent one after another: the attempt is
 * counted before the password is checked, so at most the free failures are ever checked, and the
 * right password that follows must wait too. (A real password hash, slow enough that the guesses
 * overlap on the server.)
 */
@MicronautTest(transactional = false)
@Property(name = "countylive.password.bcrypt-cost", value = "10")
class ParallelLoginTest {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"loginToken\" value=\"([^\"]*)\"");
    private static final int GUESSES = 50;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        fixtures.coordinatorOf("zhao", AccountData.YINGSHAN);
    }

    @AfterEach
    void tearDown() {
        fixtures.clean();
    }

    @Test
    void fiftyWrongGuessesAtOnceAreAllCountedAndTheRightPasswordThenWaits() throws Exception {
        List<Browser> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            Browser browser = new Browser(server.getURI());
            Matcher token = LOGIN_TOKEN.matcher(browser.get("/login").body());
            assertTrue(token.find());
            browsers.add(browser);
            tokens.add(token.group(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        List<Integer> statuses = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(GUESSES);
            List<Future<Browser.Page>> guesses = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                Browser browser = browsers.get(i);
                Map<String, String> form = Map.of("username", "zhao", "password", "wrong-password-" + i,
                        "loginToken", tokens.get(i));
                guesses.add(pool.submit(() -> {
                    together.await();
                    return browser.postRaw("/login", form);
                }));
            }
            for (Future<Browser.Page> guess : guesses) {
                statuses.add(guess.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        long checked = statuses.stream().filter(status -> status == 401).count();
        long refused = statuses.stream().filter(status -> status == 429).count();
        assertEquals(GUESSES, checked + refused, statuses.toString());
        assertTrue(checked <= 5, "at most the five free failures are checked: " + statuses);
        assertEquals(String.valueOf(checked), fixtures.value(
                "SELECT failures FROM login_throttle WHERE subject = 'user:zhao'"), "every checked guess was counted");

        Browser owner = new Browser(server.getURI());
        Matcher token = LOGIN_TOKEN.matcher(owner.get("/login").body());
        assertTrue(token.find());
        Browser.Page right = owner.postRaw("/login", Map.of("username", "zhao", "password", Fixtures.PASSWORD,
                "loginToken", token.group(1)));
        assertEquals(429, right.status(), "the right password waits while the guesses' wait lasts");
        assertEquals("0", AccountData.sessions(fixtures, "zhao"));
    }
}

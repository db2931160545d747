package countylive.web;

import countylive.support.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A template that fails while the page is written out is the error page with an incident number,
 * not a request that never ends: Micronaut writes a rendered page after the response has left
 * every handler, where an exception is lost and the connection stays open without an answer.
 */
@MicronautTest(transactional = false)
@Property(name = "countylive.test.broken-page", value = "true")
class BrokenPageTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aTemplateThatFailsWhileRenderingIsTheErrorPage() {
        for (String language : new String[]{"zh-CN", "en"}) {
            Browser.Page page = new Browser(server.getURI()).timeout(Duration.ofSeconds(10)).language(language)
                    .get("/test/broken-page");
            assertEquals(500, page.status());
            assertTrue(page.body().contains(language.equals("en") ? "Incident number" : "事件编号"), page.body());
            assertTrue(page.body().matches("(?s).*<code>[0-9A-F]{10}</code>.*"), page.body());
            assertEquals("nosniff", page.header("X-Content-Type-Options"));
        }
    }
}

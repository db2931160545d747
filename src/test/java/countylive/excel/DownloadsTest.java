package countylive.excel;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A download whose writer fails after the response has started (the detail export when the
 * database goes away) is cut off: the client sees a failed transfer, not an orderly end of a
 * truncated workbook it would keep, and no stack trace in the body.
 */
@MicronautTest(transactional = false)
@Property(name = "countylive.test.broken-download", value = "true")
class DownloadsTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aWriterThatFailsMidwayCutsTheDownloadOff() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(server.getURI().resolve("/test/broken-download"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), "the download had started");
        try (InputStream body = response.body()) {
            assertThrows(IOException.class, () -> {
                byte[] buffer = new byte[64 * 1024];
                while (body.read(buffer) >= 0) {
                    // read on until the transfer fails
                }
            }, "the transfer fails instead of ending as if complete");
        }
    }
}

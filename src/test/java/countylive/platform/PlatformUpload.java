package countylive.platform;

import countylive.support.Browser;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Several files in one multipart upload, as a browser's file input with "multiple" sends them. */
final class PlatformUpload {

    private PlatformUpload() {
    }

    /** @param files file name → content, in order */
    static Browser.Page upload(Browser browser, URI base, long campaign, String county, Map<String, byte[]> files) {
        return upload(browser, base, campaign, county, files, null);
    }

    /** @param csrf the token to send, or null for the session's own */
    static Browser.Page upload(Browser browser, URI base, long campaign, String county, Map<String, byte[]> files,
                               String csrf) {
        browser.get("/campaigns/" + campaign + "/platform-import");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf == null ? browser.csrfToken() : csrf);
        fields.put("county", county);
        String boundary = "----countylive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((name, content) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        return browser.send(HttpRequest.newBuilder(base.resolve("/campaigns/" + campaign + "/platform-import"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

package countylive.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser, for HTTP tests: keeps cookies, does not follow redirects, and fills in the
 * CSRF token of the last page it saw, the way the app's forms do.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"loginToken\" value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String language;
    private String csrf;
    private Duration timeout = Duration.ofSeconds(60);

    public Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Logs in through the login form; fails the test when the app refuses. */
    public Browser login(String username, String password) {
        Page form = get("/login");
        Page result = postRaw("/login", Map.of("username", username, "password", password,
                "loginToken", form.find(LOGIN_TOKEN)));
        if (result.status() != 303) {
            throw new AssertionError("login of " + username + " failed with " + result.status() + ": " + result.body());
        }
        get("/"); // picks up the session's CSRF token
        return this;
    }

    /** How long to wait for an answer: tests of a hang want to fail in seconds, not in a minute. */
    public Browser timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Sends the language cookie that the language switch would set. */
    public Browser language(String tag) {
        this.language = tag;
        return this;
    }

    public Page get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html").GET();
        Page page = send(request);
        String token = page.findOrNull(CSRF);
        if (token != null) {
            csrf = token;
        }
        return page;
    }

    /** Posts a form with the session's CSRF token added. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("csrf", csrf == null ? "" : csrf);
        return postRaw(path, withToken);
    }

    /** Posts repeated fields (e.g. several selected hosts) with the CSRF token added. */
    public Page postMulti(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        body = body + (body.isEmpty() ? "" : "&") + "csrf=" + encode(csrf == null ? "" : csrf);
        return sendForm(path, body);
    }

    /** Posts exactly the given fields: no token is added. */
    public Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return sendForm(path, body);
    }

    private Page sendForm(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Page send(HttpRequest.Builder request) {
        if (language != null) {
            request.header("Cookie", "locale=" + language);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Page(response.statusCode(), response.headers().map(), response.body());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("no answer within " + timeout, e);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String csrfToken() {
        return csrf;
    }

    /** The cookies this browser holds, as a Cookie header, e.g. to replay them elsewhere. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One response. */
    public record Page(int status, Map<String, List<String>> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }

        public String location() {
            return header("Location");
        }

        String find(Pattern pattern) {
            String value = findOrNull(pattern);
            if (value == null) {
                throw new AssertionError("not on the page: " + pattern + "\n" + body());
            }
            return value;
        }

        String findOrNull(Pattern pattern) {
            Matcher matcher = pattern.matcher(body());
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}

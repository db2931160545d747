package countylive.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asserts that a user cannot reach records that are not theirs (typically a coordinator and
 * another county's record): every request is answered 403 or 404, no page shows the record's
 * tell-tale text, and the database reads the same afterwards.
 *
 * <pre>{@code
 * CrossCounty.as(coordinator)
 *         .get("/sessions/" + id)
 *         .get("/sessions/" + id + "/edit")
 *         .post("/sessions/" + id, Map.of("views", "1", "version", "0"))
 *         .post("/sessions/" + id + "/delete", Map.of())
 *         .notShowing("英山县")
 *         .unchanged(fixtures, "SELECT CONCAT(views, '/', version) FROM live_session WHERE id = ?", id)
 *         .assertRefused();
 * }</pre>
 */
public final class CrossCounty {

    private record Call(String method, String path, Map<String, String> form) {
    }

    private record Check(Fixtures fixtures, String sql, Object[] parameters) {

        List<String> read() {
            return fixtures.column(sql, parameters);
        }
    }

    private final Browser browser;
    private final List<Call> calls = new ArrayList<>();
    private final List<String> hidden = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    private CrossCounty(Browser browser) {
        this.browser = browser;
    }

    /** Requests made by this signed-in browser (a POST carries its CSRF token, so only access decides). */
    public static CrossCounty as(Browser browser) {
        return new CrossCounty(browser);
    }

    public CrossCounty get(String path) {
        calls.add(new Call("GET", path, Map.of()));
        return this;
    }

    public CrossCounty post(String path, Map<String, String> form) {
        calls.add(new Call("POST", path, form));
        return this;
    }

    /** Text of the record (a name, a registration number) that no refusal may show. */
    public CrossCounty notShowing(String text) {
        hidden.add(text);
        return this;
    }

    /** A query whose rows must be the same after the requests as before. */
    public CrossCounty unchanged(Fixtures fixtures, String sql, Object... parameters) {
        checks.add(new Check(fixtures, sql, parameters));
        return this;
    }

    /** Makes the requests; fails listing every one that was not refused. */
    public void assertRefused() {
        Map<Check, List<String>> before = new LinkedHashMap<>();
        checks.forEach(check -> before.put(check, check.read()));
        List<String> problems = new ArrayList<>();
        for (Call call : calls) {
            Browser.Page page = call.method().equals("GET") ? browser.get(call.path()) : browser.post(call.path(), call.form());
            if (page.status() != 403 && page.status() != 404) {
                problems.add(call.method() + " " + call.path() + " answered " + page.status()
                        + (page.location() == null ? "" : " -> " + page.location()));
            }
            for (String text : hidden) {
                if (page.body().contains(text)) {
                    problems.add(call.method() + " " + call.path() + " shows \"" + text + "\"");
                }
            }
        }
        before.forEach((check, rows) -> {
            List<String> after = check.read();
            if (!rows.equals(after)) {
                problems.add(check.sql() + " changed from " + rows + " to " + after);
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("not refused:\n" + String.join("\n", problems));
        }
    }
}

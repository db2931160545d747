package countylive.integrity;

import countylive.support.Browser;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The integrity page as an administrator sees it after pressing "run all checks now". */
record CheckPage(String body) {

    /** Runs the checks through the page's button and reads the page it returns to. */
    static CheckPage runAs(Browser admin) {
        admin.get("/integrity");
        Browser.Page ran = admin.post("/integrity/run", Map.of());
        assertEquals(303, ran.status(), ran.body());
        assertEquals("/integrity?flash=checked", ran.location());
        Browser.Page page = admin.get(ran.location());
        assertEquals(200, page.status(), page.body());
        return new CheckPage(page.body());
    }

    /** The check's count of offending records as the page states it. */
    long found(String code) {
        Matcher tag = Pattern.compile("<article[^>]*id=\"" + code + "\"[^>]*>").matcher(body);
        if (!tag.find()) {
            throw new AssertionError("no check " + code + " on the page:\n" + body);
        }
        if (tag.group().contains("data-failed=\"true\"")) {
            throw new AssertionError(code + " could not run (see the log):\n" + tag.group());
        }
        Matcher found = Pattern.compile("data-found=\"(\\d*)\"").matcher(tag.group());
        if (!found.find() || found.group(1).isEmpty()) {
            throw new AssertionError(code + " has not run:\n" + tag.group());
        }
        return Long.parseLong(found.group(1));
    }

    /** The check's part of the page: its texts, findings and links. */
    String section(String code) {
        Matcher section = Pattern.compile("(?s)<article[^>]*id=\"" + code + "\"[^>]*>.*?</article>").matcher(body);
        if (!section.find()) {
            throw new AssertionError("no check " + code + " on the page:\n" + body);
        }
        return section.group();
    }
}

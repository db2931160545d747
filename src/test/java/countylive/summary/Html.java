package countylive.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads figures back out of a summary page. */
final class Html {

    private Html() {
    }

    /** The text of the element with id "fig-{name}", tags stripped and spaces squeezed. */
    static String figure(String body, String name) {
        Matcher m = Pattern.compile("id=\"fig-" + Pattern.quote(name) + "\"[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(body);
        if (!m.find()) {
            throw new AssertionError("no figure " + name);
        }
        return text(m.group(1));
    }

    /** The cell texts of the table row carrying the given data attribute. */
    static List<String> row(String body, String attribute, String value) {
        Matcher m = Pattern.compile("<tr[^>]*" + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(body);
        if (!m.find()) {
            throw new AssertionError("no row " + attribute + "=" + value);
        }
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(m.group(1));
        while (cell.find()) {
            cells.add(text(cell.group(1)));
        }
        return cells;
    }

    /** The opening tag of that row, e.g. to see its class. */
    static String rowTag(String body, String attribute, String value) {
        Matcher m = Pattern.compile("<tr[^>]*" + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no row " + attribute + "=" + value);
        }
        return m.group();
    }

    /** The cells of the first row of the table under the heading with the given id whose first cell contains text. */
    static List<String> rowIn(String body, String sectionId, String firstCell) {
        int start = body.indexOf("id=\"" + sectionId + "\"");
        if (start < 0) {
            throw new AssertionError("no section " + sectionId);
        }
        int end = body.indexOf("</table>", start);
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body.substring(start, end));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            if (!cells.isEmpty() && cells.get(0).contains(firstCell)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + firstCell + " in " + sectionId);
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}

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

    /** A lines page's total with id "total-{name}", as shown. */
    static String total(String body, String name) {
        Matcher m = Pattern.compile("id=\"total-" + Pattern.quote(name) + "\"[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(body);
        if (!m.find()) {
            throw new AssertionError("no total " + name + " in " + body);
        }
        return text(m.group(1));
    }

    /** The href of the element with the given id, unescaped. */
    static String linkOf(String body, String id) {
        Matcher m = Pattern.compile("<a[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*href=\"([^\"]*)\"").matcher(body);
        if (!m.find()) {
            m = Pattern.compile("<a[^>]*href=\"([^\"]*)\"[^>]*id=\"" + Pattern.quote(id) + "\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no link " + id);
            }
        }
        return m.group(1).replace("&amp;", "&");
    }

    /** A breakdown table: its header texts, each row's cell texts and each row's first link. */
    record Table(List<String> headers, List<List<String>> cells, List<String> links) {
        String linkOf(List<String> row) {
            return links.get(cells.indexOf(row));
        }
    }

    /** The table that follows the heading with the given id. */
    static Table table(String body, String headingId) {
        int heading = body.indexOf("id=\"" + headingId + "\"");
        if (heading < 0) {
            throw new AssertionError("no heading " + headingId);
        }
        int start = body.indexOf("<table", heading);
        int nextHeading = body.indexOf("<h2", heading + 1);
        if (start < 0 || (nextHeading >= 0 && nextHeading < start)) {
            // "none": the section has no table
            return new Table(List.of(), List.of(), List.of());
        }
        String table = body.substring(start, body.indexOf("</table>", start));
        List<String> headers = new ArrayList<>();
        Matcher th = Pattern.compile("<th[^>]*>(.*?)</th>", Pattern.DOTALL).matcher(table.substring(0, table.indexOf("</thead>")));
        while (th.find()) {
            headers.add(text(th.group(1)));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> links = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.substring(table.indexOf("<tbody")));
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr.group(1));
            while (td.find()) {
                cells.add(text(td.group(1)));
            }
            Matcher a = Pattern.compile("href=\"([^\"]*)\"").matcher(tr.group(1));
            links.add(a.find() ? a.group(1).replace("&amp;", "&") : "");
            rows.add(cells);
        }
        return new Table(headers, rows, links);
    }
}

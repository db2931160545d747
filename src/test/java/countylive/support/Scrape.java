package countylive.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;

/** What {@code /prometheus} showed an administrator at one moment. */
public record Scrape(String text) {

    /** Reads the metrics as the given browser (an administrator's); fails the test on anything but 200. */
    public static Scrape of(Browser admin, URI server) {
        Browser.Page page = admin.send(HttpRequest.newBuilder(server.resolve("/prometheus")).header("Accept", "text/plain"));
        if (page.status() != 200) {
            throw new AssertionError("/prometheus answered " + page.status() + ": " + page.body());
        }
        return new Scrape(page.body());
    }

    /**
     * The value of the series of this name whose labels include all the given {@code name="value"}
     * pairs (summed when several match); 0 when none does, as for a counter not yet counted.
     */
    public double value(String name, String... labels) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    public boolean has(String name) {
        return text.contains("\n" + name + "{") || text.contains("\n" + name + " ") || text.startsWith(name);
    }
}

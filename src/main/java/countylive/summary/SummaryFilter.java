package countylive.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What a summary covers: one campaign, a date range inside its period, optionally one province,
 * and optionally only the counties whose figures are accepted (the sign-off). Dates outside the
 * period are pulled back into it; a province that is not a six-digit code is ignored.
 */
public record SummaryFilter(long campaignId, LocalDate from, LocalDate to, @Nullable String province,
                     LocalDate startsOn, LocalDate endsOn, boolean acceptedOnly) {

    /** All counties, accepted or not. */
    public SummaryFilter(long campaignId, LocalDate from, LocalDate to, @Nullable String province, LocalDate startsOn,
                         LocalDate endsOn) {
        this(campaignId, from, to, province, startsOn, endsOn, false);
    }

    static SummaryFilter of(HttpRequest<?> request, long campaignId, LocalDate startsOn, LocalDate endsOn) {
        var parameters = request.getParameters();
        LocalDate from = date(parameters.getFirst("from").orElse(null), startsOn);
        LocalDate to = date(parameters.getFirst("to").orElse(null), endsOn);
        if (from.isBefore(startsOn) || from.isAfter(endsOn)) {
            from = startsOn;
        }
        if (to.isAfter(endsOn) || to.isBefore(startsOn)) {
            to = endsOn;
        }
        if (to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        String province = parameters.getFirst("province").map(String::strip)
                .filter(p -> p.matches("\\d{6}")).orElse(null);
        boolean acceptedOnly = parameters.getFirst("accepted").map(String::strip).filter("1"::equals).isPresent();
        return new SummaryFilter(campaignId, from, to, province, startsOn, endsOn, acceptedOnly);
    }

    /** The whole campaign, no province. */
    static SummaryFilter whole(long campaignId, LocalDate startsOn, LocalDate endsOn) {
        return new SummaryFilter(campaignId, startsOn, endsOn, null, startsOn, endsOn);
    }

    /** Whether the dates narrow the campaign: only then do the queries filter on live_date. */
    public boolean narrowsDates() {
        return from.isAfter(startsOn) || to.isBefore(endsOn);
    }

    public boolean isFiltered() {
        return narrowsDates() || province != null || acceptedOnly;
    }

    /**
     * The lines page's parameters for this filter ("campaign=1&from=…&province=…"): a figure's link
     * adds its row (county, host, product, day) to them, and the page's totals equal the figure.
     */
    public String linesQuery() {
        String narrowing = parameters();
        return "campaign=" + campaignId + (narrowing.isEmpty() ? "" : "&" + narrowing);
    }

    /** What narrows the campaign, as URL parameters ("from=…&to=…&province=…&accepted=1"), or "". */
    public String parameters() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (narrowsDates()) {
            parts.add("from=" + from + "&to=" + to);
        }
        if (province != null) {
            parts.add("province=" + province);
        }
        if (acceptedOnly) {
            parts.add("accepted=1");
        }
        return String.join("&", parts);
    }

    /** The URL parameter that keeps "accepted counties only" on links that change the other filters. */
    public @Nullable String accepted() {
        return acceptedOnly ? "1" : null;
    }

    private static LocalDate date(@Nullable String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}

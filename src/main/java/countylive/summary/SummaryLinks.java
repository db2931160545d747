package countylive.summary;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/**
 * Where a summary's cells lead on the page: a breakdown row to the sale lines behind it (with the
 * summary's filter, so the lines page's totals equal the row), households to the households behind
 * them, a session to its page, a county's name elsewhere to the county's page. A coordinator's
 * summary lists every county's rows but links only their own counties' records: another county's
 * lines or session would not open for them.
 *
 * @param lines the lines page's parameters for the summary's filter ({@link SummaryFilter#linesQuery()})
 * @param mine  a coordinator's counties; empty for everyone else
 */
public record SummaryLinks(long campaignId, String lines, Set<String> mine) {

    public static final String COUNTY = "county";
    public static final String COUNTY_PAGE = "countyPage";
    public static final String HOUSEHOLDS = "households";
    public static final String HOST = "host";
    public static final String OFFICIAL = "official";
    public static final String PRODUCT = "product";
    public static final String DAY = "day";
    public static final String SESSION = "session";
    public static final String SIGN_OFF = "signOff";

    /** Where the cell of a column linked to {@code to} leads for this row, or null when nowhere. */
    public @Nullable String href(@Nullable String to, Object row) {
        if (to == null) {
            return null;
        }
        return switch (to) {
            case COUNTY -> row instanceof Rows.County c && mayOpen(c.code()) ? lines("county=" + c.code()) : null;
            case HOUSEHOLDS -> row instanceof Rows.County c && c.households() > 0 && mayOpen(c.code())
                    ? "/lines/households?" + lines + "&county=" + c.code() : null;
            case SIGN_OFF -> "/campaigns/" + campaignId + "/sign-off";
            case HOST -> row instanceof Rows.Person p ? lines("host=" + p.id()) : null;
            case OFFICIAL -> row instanceof Rows.Person p ? lines("official=" + p.id()) : null;
            case PRODUCT -> row instanceof Rows.Product p ? lines("product=" + p.id()) : null;
            case DAY -> row instanceof Rows.Day d ? lines("day=" + d.day()) : null;
            case SESSION -> row instanceof Rows.Session s && mayOpen(s.countyCode()) ? "/sessions/" + s.id() : null;
            case COUNTY_PAGE -> row instanceof Rows.Product p ? "/counties/" + p.countyCode()
                    : row instanceof Rows.Session s ? "/counties/" + s.countyCode() : null;
            default -> null;
        };
    }

    private boolean mayOpen(String countyCode) {
        return mine.isEmpty() || mine.contains(countyCode);
    }

    private String lines(String row) {
        return "/lines?" + lines + "&" + row;
    }
}

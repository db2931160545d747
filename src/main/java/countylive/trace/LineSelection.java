package countylive.trace;

import countylive.access.CurrentUser;
import countylive.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which sale lines and sessions a figure is made of: any combination of campaign, county,
 * province, host, official, product, day range and platform, optionally only the counties whose
 * figures are accepted, always within the counties the user may read. Every figure of a summary
 * links to the lines page with the selection that reproduces it, so the page's totals equal the
 * figure to the fen; the lines workbook takes the same selection.
 *
 * <p>A line belongs to its session's campaign, county and day (sale_line copies them); a host or
 * an official selects the lines of the sessions they took part in, a product its own lines. A
 * malformed parameter is ignored, as the summary's filter does.
 *
 * @param within the counties the user may read, or null for all (administrators and association staff)
 */
public record LineSelection(@Nullable Long campaignId, @Nullable String countyCode, @Nullable String provinceCode,
                            @Nullable Long hostId, @Nullable Long officialId, @Nullable Long productId,
                            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String platform,
                            boolean acceptedOnly, @Nullable Set<String> within) {

    private static final Set<String> PLATFORMS = Set.of("DOUYIN", "KUAISHOU", "TAOBAO", "OTHER");

    /** The selection a request's parameters describe, narrowed to what the user may read. */
    public static LineSelection of(HttpRequest<?> request, CurrentUser user) {
        var p = request.getParameters();
        LocalDate day = date(p.get("day"));
        LocalDate from = day != null ? day : date(p.get("from"));
        LocalDate to = day != null ? day : date(p.get("to"));
        if (from != null && to != null && to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        String platform = p.get("platform");
        return new LineSelection(id(p.get("campaign")), code(p.get("county")), code(p.get("province")),
                id(p.get("host")), id(p.get("official")), id(p.get("product")), from, to,
                platform != null && PLATFORMS.contains(platform.strip()) ? platform.strip() : null,
                "1".equals(p.get("accepted")),
                user.role() == Role.COORDINATOR ? Set.copyOf(user.countyCodes()) : null);
    }

    /** Every line of a campaign, or of every campaign, within the given counties (null: all). */
    public static LineSelection campaign(@Nullable Long campaignId, @Nullable Set<String> within) {
        return new LineSelection(campaignId, null, null, null, null, null, null, null, null, false,
                within == null ? null : Set.copyOf(within));
    }

    /**
     * The join a count or a sum over {@code sale_line l} needs: its session only when the platform
     * narrows the lines (the line carries its session's campaign, county and day itself), so a
     * campaign's totals read the covering index alone.
     */
    public String sessionJoin() {
        return platform == null ? "" : " JOIN live_session s ON s.id = l.session_id";
    }

    /** Whether anything narrows the lines beyond the user's own scope. */
    public boolean isNarrowed() {
        return campaignId != null || countyCode != null || provinceCode != null || hostId != null || officialId != null
                || productId != null || from != null || to != null || platform != null || acceptedOnly;
    }

    /**
     * The WHERE conditions on {@code sale_line l} joined to its session {@code live_session s},
     * their parameters added to {@code p}.
     */
    public String lines(List<Object> p) {
        List<String> where = common("l", p);
        if (hostId != null) {
            where.add("l.session_id IN (SELECT session_id FROM live_session_host WHERE host_id = ?)");
            p.add(hostId);
        }
        if (officialId != null) {
            where.add("l.session_id IN (SELECT session_id FROM live_session_official WHERE official_id = ?)");
            p.add(officialId);
        }
        if (productId != null) {
            where.add("l.product_id = ?");
            p.add(productId);
        }
        if (platform != null) {
            where.add("s.platform = ?");
            p.add(platform);
        }
        return where.isEmpty() ? "TRUE" : String.join(" AND ", where);
    }

    /**
     * The WHERE conditions on {@code live_session s}: the sessions of the selection, with or
     * without lines; with a product, the sessions that sold it.
     */
    public String sessions(List<Object> p) {
        List<String> where = common("s", p);
        if (hostId != null) {
            where.add("s.id IN (SELECT session_id FROM live_session_host WHERE host_id = ?)");
            p.add(hostId);
        }
        if (officialId != null) {
            where.add("s.id IN (SELECT session_id FROM live_session_official WHERE official_id = ?)");
            p.add(officialId);
        }
        if (productId != null) {
            where.add("s.id IN (SELECT session_id FROM sale_line WHERE product_id = ?)");
            p.add(productId);
        }
        if (platform != null) {
            where.add("s.platform = ?");
            p.add(platform);
        }
        return where.isEmpty() ? "TRUE" : String.join(" AND ", where);
    }

    /** Campaign, county, province, days, accepted counties and the user's scope: columns both tables carry. */
    private List<String> common(String alias, List<Object> p) {
        List<String> where = new ArrayList<>();
        if (campaignId != null) {
            where.add(alias + ".campaign_id = ?");
            p.add(campaignId);
        }
        if (countyCode != null) {
            where.add(alias + ".county_code = ?");
            p.add(countyCode);
        }
        if (provinceCode != null) {
            where.add(alias + ".county_code IN (SELECT code FROM county WHERE province_code = ?)");
            p.add(provinceCode);
        }
        if (from != null) {
            where.add(alias + ".live_date >= ?");
            p.add(from);
        }
        if (to != null) {
            where.add(alias + ".live_date <= ?");
            p.add(to);
        }
        if (acceptedOnly) {
            where.add("EXISTS (SELECT 1 FROM campaign_county a WHERE a.campaign_id = " + alias + ".campaign_id"
                    + " AND a.county_code = " + alias + ".county_code AND a.sign_off = 'ACCEPTED')");
        }
        if (within != null) {
            if (within.isEmpty()) {
                where.add("FALSE");
            } else {
                where.add(alias + ".county_code IN (" + String.join(",", Collections.nCopies(within.size(), "?")) + ")");
                p.addAll(within);
            }
        }
        return where;
    }

    /** The selection as URL parameters ("campaign=1&county=421124"), for paging and the download. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "campaign", campaignId);
        add(parts, "county", countyCode);
        add(parts, "province", provinceCode);
        add(parts, "host", hostId);
        add(parts, "official", officialId);
        add(parts, "product", productId);
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "platform", platform);
        add(parts, "accepted", acceptedOnly ? "1" : null);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, @Nullable Object value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static @Nullable Long id(@Nullable String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }

    private static @Nullable String code(@Nullable String text) {
        return text != null && text.strip().matches("\\d{6}") ? text.strip() : null;
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

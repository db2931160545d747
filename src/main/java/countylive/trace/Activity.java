package countylive.trace;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.database.Reads;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What a master record (a county, host, official or product) took part in: its campaigns with
 * their totals, read from the same rollups as the summaries, and its latest sessions. Each campaign
 * row carries the lines page's parameters that reproduce it, so its figures lead to their entries.
 * A coordinator sees only what happened in their own counties.
 */
@Singleton
public class Activity {

    /** Whose activity: the rollup that holds it per campaign and county, and how its sessions are found. */
    public enum Of {
        COUNTY("county", "county_day_sales", "county_code", "sessions",
                "SELECT s.id FROM live_session s WHERE s.county_code = ?"),
        HOST("host", "host_sales", "host_id", "sessions",
                "SELECT k.session_id FROM live_session_host k WHERE k.host_id = ?"),
        OFFICIAL("official", "official_sales", "official_id", "sessions",
                "SELECT k.session_id FROM live_session_official k WHERE k.official_id = ?"),
        PRODUCT("product", "product_sales", "product_id", "line_count",
                "SELECT l.session_id FROM sale_line l WHERE l.product_id = ?");

        final String parameter;
        final String rollup;
        final String key;
        final String sessions;
        final String sessionIds;

        Of(String parameter, String rollup, String key, String sessions, String sessionIds) {
            this.parameter = parameter;
            this.rollup = rollup;
            this.key = key;
            this.sessions = sessions;
            this.sessionIds = sessionIds;
        }
    }

    /** A campaign the record took part in, with the lines page's parameters behind its figures. */
    public record CampaignRow(long id, String name, LocalDate startsOn, long sessions, long units, BigDecimal gross,
                              BigDecimal refunds, String lines) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    /** One of the record's latest sessions, with that session's sales (of the product, for a product). */
    public record SessionRow(long id, String campaign, LocalDateTime startsAt, String county, long units,
                             BigDecimal gross) {
    }

    /** The campaigns, their totals, the latest sessions, and whether the view is narrowed to the user's counties. */
    public record View(List<CampaignRow> campaigns, long sessions, long units, BigDecimal gross, BigDecimal refunds,
                       List<SessionRow> latest, boolean scoped, String parameter, String key) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    static final int LATEST = 20;

    private final Reads reads;

    Activity(Reads reads) {
        this.reads = reads;
    }

    public View of(Of of, Object key, CurrentUser user) {
        @Nullable Set<String> within = user.role() == Role.COORDINATOR ? user.countyCodes() : null;
        List<Object> p = new ArrayList<>();
        p.add(key);
        String scope = within(within, "x", p);
        String lines = of.parameter + "=" + key;
        List<CampaignRow> campaigns = reads.list("SELECT c.id, c.name, c.starts_on, SUM(x." + of.sessions + "),"
                        + " SUM(x.units), SUM(x.gross), SUM(x.refunds) FROM " + of.rollup + " x"
                        + " JOIN campaign c ON c.id = x.campaign_id WHERE x." + of.key + " = ?" + scope
                        + " GROUP BY c.id, c.name, c.starts_on ORDER BY c.starts_on DESC, c.id DESC", p,
                row -> new CampaignRow(row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class),
                        row.getLong(4), row.getLong(5), row.getBigDecimal(6), row.getBigDecimal(7),
                        "campaign=" + row.getLong(1) + "&" + lines));
        long sessions = 0;
        long units = 0;
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        BigDecimal refunds = BigDecimal.ZERO.setScale(2);
        for (CampaignRow campaign : campaigns) {
            sessions += campaign.sessions();
            units += campaign.units();
            gross = gross.add(campaign.gross());
            refunds = refunds.add(campaign.refunds());
        }
        return new View(campaigns, sessions, units, gross, refunds, latest(of, key, within), within != null,
                of.parameter, String.valueOf(key));
    }

    private List<SessionRow> latest(Of of, Object key, @Nullable Set<String> within) {
        List<Object> p = new ArrayList<>();
        p.add(key);
        String scope = within(within, "s", p);
        // a product's sessions show that product's line; anyone else's the session's whole sales
        String figures = of == Of.PRODUCT
                ? "LEFT JOIN sale_line f ON f.session_id = s.id AND f.product_id = ?"
                : "LEFT JOIN session_sales f ON f.session_id = s.id";
        List<Object> parameters = new ArrayList<>();
        if (of == Of.PRODUCT) {
            parameters.add(key);
        }
        parameters.addAll(p);
        parameters.add(LATEST);
        return reads.list("SELECT s.id, c.name, s.starts_at, co.name, COALESCE(f.units, 0), COALESCE(f.gross, 0)"
                        + " FROM live_session s JOIN campaign c ON c.id = s.campaign_id"
                        + " JOIN county co ON co.code = s.county_code " + figures
                        + " WHERE s.id IN (" + of.sessionIds + ")" + scope
                        + " ORDER BY s.starts_at DESC, s.id DESC LIMIT ?", parameters,
                row -> new SessionRow(row.getLong(1), row.getString(2), row.getObject(3, LocalDateTime.class),
                        row.getString(4), row.getLong(5), row.getBigDecimal(6).setScale(2)));
    }

    private static String within(@Nullable Set<String> within, String alias, List<Object> p) {
        if (within == null) {
            return "";
        }
        if (within.isEmpty()) {
            return " AND FALSE";
        }
        p.addAll(within);
        return " AND " + alias + ".county_code IN (" + String.join(",", Collections.nCopies(within.size(), "?")) + ")";
    }
}

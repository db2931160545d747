package countylive.campaign;

import countylive.access.CurrentUser;
import countylive.database.Reads;
import countylive.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-off as pages read it: each county's state in a campaign, the timeline of transitions,
 * and whether a county's forms are closed to a user, said before they type. The ledger enforces the
 * same rule when anything is written (countylive.ledger); this class only reads.
 */
@Singleton
public class SignOffs {

    /** A county's sign-off in a campaign, with the reason of its last return or reopening when it is returned. */
    public record County(String code, String name, String provinceName, SignOffState state,
                         @Nullable LocalDateTime at, @Nullable String by, @Nullable String reason) {
    }

    /** One transition, or a campaign closed with counties not yet accepted (no county, no states). */
    public record Event(LocalDateTime at, String action, @Nullable String countyCode, @Nullable String countyName,
                        @Nullable SignOffState from, @Nullable SignOffState to, String by, @Nullable String reason) {
    }

    /** How many of a campaign's counties are accepted. */
    public record Tally(long accepted, long counties) {
        public boolean allAccepted() {
            return accepted == counties;
        }
    }

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private static final String COUNTY_COLUMNS = """
            SELECT cc.county_code, c.name, p.name, cc.sign_off, cc.sign_off_at, cc.sign_off_by,
                   (SELECT e.reason FROM sign_off_event e
                    WHERE e.campaign_id = cc.campaign_id AND e.county_code = cc.county_code
                      AND e.to_state = 'RETURNED' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
            FROM campaign_county cc JOIN county c ON c.code = cc.county_code
            JOIN province p ON p.code = c.province_code
            WHERE cc.campaign_id = ?""";

    private final Reads reads;
    private final Messages messages;

    SignOffs(Reads reads, Messages messages) {
        this.reads = reads;
        this.messages = messages;
    }

    /** Every county of the campaign, by province and county code. */
    public List<County> counties(long campaignId) {
        return list(COUNTY_COLUMNS + " ORDER BY c.province_code, cc.county_code", List.of(campaignId), SignOffs::county);
    }

    public Optional<County> county(long campaignId, String countyCode) {
        return list(COUNTY_COLUMNS + " AND cc.county_code = ?", List.of(campaignId, countyCode), SignOffs::county)
                .stream().findFirst();
    }

    public Tally tally(long campaignId) {
        return list("SELECT COALESCE(SUM(sign_off = 'ACCEPTED'), 0), COUNT(*) FROM campaign_county WHERE campaign_id = ?",
                List.of(campaignId), row -> new Tally(row.getLong(1), row.getLong(2))).get(0);
    }

    /** The transitions the viewer may read about (a coordinator: their own counties'), newest first. */
    public List<Event> timeline(long campaignId, CurrentUser viewer) {
        return list("""
                SELECT e.occurred_at, e.action, e.county_code, c.name, e.from_state, e.to_state, e.user_name, e.reason
                FROM sign_off_event e LEFT JOIN county c ON c.code = e.county_code
                WHERE e.campaign_id = ? ORDER BY e.occurred_at DESC, e.id DESC""", List.of(campaignId),
                row -> new Event(row.getTimestamp(1).toLocalDateTime(), row.getString(2), row.getString(3),
                        row.getString(4), state(row.getString(5)), state(row.getString(6)), row.getString(7),
                        row.getString(8))).stream()
                .filter(event -> event.countyCode() == null || viewer.mayRead(event.countyCode())).toList();
    }

    /** The campaigns in which the sign-off keeps the user from changing the county's data, in one read. */
    public Set<Long> heldBackCampaigns(CurrentUser user, String countyCode) {
        Set<Long> held = new LinkedHashSet<>();
        list("SELECT campaign_id, sign_off FROM campaign_county WHERE county_code = ? AND sign_off <> 'OPEN'",
                List.of(countyCode), row -> {
                    if (SignOffState.valueOf(row.getString(2)).holdsBack(user)) {
                        held.add(row.getLong(1));
                    }
                    return null;
                });
        return held;
    }

    /** The campaign's counties whose data the user may not change because of their sign-off. */
    public Set<String> heldBack(CurrentUser user, long campaignId) {
        Set<String> held = new LinkedHashSet<>();
        for (County county : counties(campaignId)) {
            if (county.state().holdsBack(user)) {
                held.add(county.code());
            }
        }
        return held;
    }

    /**
     * Why the user may not change the county's data in the campaign, in their language, or empty
     * when they may: the form says so before anything is typed.
     */
    public Optional<String> lockNotice(HttpRequest<?> request, CurrentUser user, long campaignId, String countyCode) {
        return county(campaignId, countyCode).filter(county -> county.state().holdsBack(user))
                .map(county -> notice(request, county));
    }

    /** The notices of those of the counties the user may not change, read with one query: for the import pages. */
    public List<String> lockNotices(HttpRequest<?> request, CurrentUser user, long campaignId,
                                    Collection<String> countyCodes) {
        return counties(campaignId).stream()
                .filter(county -> countyCodes.contains(county.code()) && county.state().holdsBack(user))
                .map(county -> notice(request, county)).toList();
    }

    private String notice(HttpRequest<?> request, County county) {
        return messages.get(request, heldBackKey(county.state()), county.name(),
                county.at() == null ? "" : county.at().format(DAY), county.by() == null ? "" : county.by());
    }

    /** The message that tells why a county in this state is held back: its arguments are the county, the day and who. */
    public static String heldBackKey(SignOffState state) {
        return "signoff.heldBack." + state.name();
    }

    private static County county(ResultSet row) throws SQLException {
        Timestamp at = row.getTimestamp(5);
        return new County(row.getString(1), row.getString(2), row.getString(3), SignOffState.valueOf(row.getString(4)),
                at == null ? null : at.toLocalDateTime(), row.getString(6), row.getString(7));
    }

    private static @Nullable SignOffState state(@Nullable String name) {
        return name == null ? null : SignOffState.valueOf(name);
    }

    private <T> List<T> list(String sql, List<Object> parameters, Reads.RowMapper<T> mapper) {
        return reads.list(sql, parameters, mapper);
    }
}

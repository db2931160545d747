package countylive.home;

import countylive.access.CurrentUser;
import countylive.database.Reads;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * A coordinator's work list: the campaigns of their counties, the sessions that have ended but
 * still lack their sales or their audience figures, and what changed lately in their counties.
 * Everything is read for the coordinator's own counties only. A session counts as work only
 * where it can still be changed: its campaign is not closed and its county's figures are not
 * submitted or accepted.
 */
@Singleton
class CoordinatorWork {

    /** Rows shown per list; one more is read to know that there are more. */
    static final int SHOWN = 10;
    /** How far back "recent changes" look: bounded, so the audit trail is read by its time index. */
    static final int RECENT_DAYS = 30;

    record CampaignRow(long id, String name, String status, LocalDate startsOn, LocalDate endsOn, String countyName,
                       String signOff, long sessions) {
    }

    record SessionRow(long id, String campaignName, String countyName, LocalDateTime startsAt,
                      @Nullable BigDecimal gross) {
    }

    /**
     * One change as the audit trail grouped it: a save of a grid is one line, however many rows it
     * wrote. {@code link} is the page it is about, if that still exists and the coordinator can open it;
     * {@code place} its county, and the session's day for a session's records.
     */
    record Change(LocalDateTime at, String username, String action, String entityType, long records,
                  String place, @Nullable String link) {

        static Change of(LocalDateTime at, String username, String action, String entityType, long records,
                         @Nullable String countyName, @Nullable Long sessionId, @Nullable LocalDate sessionDate,
                         @Nullable Long householdId) {
            String link = sessionId != null
                    ? "/sessions/" + sessionId + ("sale_line".equals(entityType) ? "/sales" : "")
                    : householdId == null ? null : "/households/" + householdId;
            String place = (countyName == null ? "" : countyName)
                    + (sessionDate == null ? "" : " · " + sessionDate.format(DateTimeFormatter.ofPattern("MM-dd")));
            return new Change(at, username, action, entityType, records, place, link);
        }
    }

    /** A list cut at {@link #SHOWN} rows; {@code more} when there were more. */
    record Cut<T>(List<T> rows, boolean more) {
        static <T> Cut<T> of(List<T> read) {
            return new Cut<>(read.stream().limit(SHOWN).toList(), read.size() > SHOWN);
        }
    }

    record Work(List<CampaignRow> campaigns, Cut<SessionRow> awaitingSales, Cut<SessionRow> awaitingAudience,
                List<Change> changes) {
    }

    private final Reads reads;

    CoordinatorWork(Reads reads) {
        this.reads = reads;
    }

    Work of(CurrentUser user, LocalDateTime now) {
        Set<String> counties = user.countyCodes();
        return new Work(campaigns(counties), awaiting(counties, now, "NOT EXISTS (SELECT 1 FROM sale_line l WHERE l.session_id = s.id)"),
                awaiting(counties, now, "s.views IS NULL"), changes(counties, now.minusDays(RECENT_DAYS)));
    }

    /** Running campaigns first, then the latest. */
    private List<CampaignRow> campaigns(Set<String> counties) {
        return reads.list("""
                SELECT c.id, c.name, c.status, c.starts_on, c.ends_on, co.name AS county_name, cc.sign_off,
                       (SELECT COUNT(*) FROM live_session s
                        WHERE s.campaign_id = c.id AND s.county_code = cc.county_code) AS sessions
                FROM campaign_county cc
                JOIN campaign c ON c.id = cc.campaign_id
                JOIN county co ON co.code = cc.county_code
                WHERE cc.county_code IN (%s)
                ORDER BY c.status = 'CLOSED', c.ends_on DESC, c.id DESC, cc.county_code
                LIMIT 20""".formatted(Scope.placeholders(counties)), List.copyOf(counties),
                row -> new CampaignRow(row.getLong("id"), row.getString("name"), row.getString("status"),
                        row.getObject("starts_on", LocalDate.class), row.getObject("ends_on", LocalDate.class),
                        row.getString("county_name"), row.getString("sign_off"), row.getLong("sessions")));
    }

    /** Sessions that have ended and lack something, newest first, in campaign counties still open to changes. */
    private Cut<SessionRow> awaiting(Set<String> counties, LocalDateTime now, String lacking) {
        return Cut.of(reads.list("""
                SELECT s.id, c.name AS campaign_name, co.name AS county_name, s.starts_at, ss.gross
                FROM live_session s
                JOIN campaign c ON c.id = s.campaign_id
                JOIN campaign_county cc ON cc.campaign_id = s.campaign_id AND cc.county_code = s.county_code
                JOIN county co ON co.code = s.county_code
                LEFT JOIN session_sales ss ON ss.session_id = s.id
                WHERE s.county_code IN (%s) AND s.ends_at <= ?
                  AND c.status <> 'CLOSED' AND cc.sign_off IN ('OPEN', 'RETURNED')
                  AND %s
                ORDER BY s.starts_at DESC, s.id DESC
                LIMIT %d""".formatted(Scope.placeholders(counties), lacking, SHOWN + 1),
                Scope.parameters(List.of(), counties, List.of(now)),
                row -> new SessionRow(row.getLong("id"), row.getString("campaign_name"), row.getString("county_name"),
                        row.getObject("starts_at", LocalDateTime.class), row.getBigDecimal("gross"))));
    }

    /**
     * The latest changes in the coordinator's counties, by anyone. The entries of one save (a grid's
     * lines, written at the same instant under one session) make one line with their count.
     */
    private List<Change> changes(Set<String> counties, LocalDateTime since) {
        return reads.list("""
                SELECT a.occurred_at, a.username, a.action, a.entity_type, COUNT(*) AS records, co.name AS county_name,
                       s.id AS session_id, s.live_date, h.id AS household_id
                FROM audit_event a
                LEFT JOIN county co ON co.code = a.county_code
                LEFT JOIN live_session s ON s.id = CAST(CASE WHEN a.entity_type = 'live_session' THEN a.entity_id
                                                        WHEN a.scope_type = 'live_session' THEN a.scope_id END AS UNSIGNED)
                LEFT JOIN household h ON h.id = CAST(CASE WHEN a.entity_type = 'household' THEN a.entity_id
                                                     WHEN a.scope_type = 'household' THEN a.scope_id END AS UNSIGNED)
                WHERE a.occurred_at >= ? AND a.county_code IN (%s)
                GROUP BY a.occurred_at, a.username, a.action, a.entity_type, co.name, s.id, s.live_date, h.id
                ORDER BY a.occurred_at DESC, MAX(a.id) DESC
                LIMIT %d""".formatted(Scope.placeholders(counties), SHOWN),
                Scope.parameters(List.of(since), counties, List.of()),
                row -> Change.of(row.getObject("occurred_at", LocalDateTime.class), row.getString("username"),
                        row.getString("action"), row.getString("entity_type"), row.getLong("records"),
                        row.getString("county_name"), (Long) row.getObject("session_id", Long.class),
                        row.getObject("live_date", LocalDate.class), (Long) row.getObject("household_id", Long.class)));
    }
}

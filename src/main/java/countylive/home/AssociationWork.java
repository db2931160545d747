package countylive.home;

import countylive.database.Reads;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What association staff follow: the campaigns running today, each with its headline figures
 * (from the rollups, as the summary page reads them) and what happened since yesterday began:
 * sessions held, entries made by the counties, counties that submitted their figures.
 */
@Singleton
class AssociationWork {

    record Running(long id, String name, LocalDate startsOn, LocalDate endsOn, long counties, long submitted,
                   long accepted, long sessions, long units, BigDecimal gross, @Nullable Long views,
                   @Nullable Long people, Since since) {
    }

    /**
     * Since yesterday's midnight: sessions held (by their day) and their sales, sessions and sale
     * lines entered or changed (from the audit trail), counties that submitted or were returned.
     */
    record Since(long sessionsHeld, BigDecimal grossHeld, long sessionsEntered, long salesEntered,
                 long submitted, long returned, boolean nothing) {

        Since(long sessionsHeld, BigDecimal grossHeld, long sessionsEntered, long salesEntered, long submitted,
              long returned) {
            this(sessionsHeld, grossHeld, sessionsEntered, salesEntered, submitted, returned,
                    sessionsHeld == 0 && sessionsEntered == 0 && salesEntered == 0 && submitted == 0 && returned == 0);
        }
    }

    private final Reads reads;

    AssociationWork(Reads reads) {
        this.reads = reads;
    }

    List<Running> running(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        LocalDateTime since = yesterday.atStartOfDay();
        return reads.list("""
                SELECT c.id, c.name, c.starts_on, c.ends_on,
                       (SELECT COUNT(*) FROM campaign_county cc WHERE cc.campaign_id = c.id) AS counties,
                       (SELECT COUNT(*) FROM campaign_county cc WHERE cc.campaign_id = c.id AND cc.sign_off = 'SUBMITTED') AS submitted,
                       (SELECT COUNT(*) FROM campaign_county cc WHERE cc.campaign_id = c.id AND cc.sign_off = 'ACCEPTED') AS accepted,
                       d.sessions, d.units, d.gross, d.views,
                       (SELECT SUM(p.people) FROM county_people p WHERE p.campaign_id = c.id) AS people,
                       (SELECT COUNT(*) FROM live_session s WHERE s.campaign_id = c.id AND s.live_date >= ?) AS held,
                       (SELECT COALESCE(SUM(ss.gross), 0) FROM session_sales ss
                        WHERE ss.campaign_id = c.id AND ss.live_date >= ?) AS gross_held,
                       (SELECT COUNT(*) FROM audit_event a JOIN live_session s ON s.id = CAST(a.entity_id AS UNSIGNED)
                        WHERE a.occurred_at >= ? AND a.entity_type = 'live_session' AND a.action = 'CREATE'
                          AND s.campaign_id = c.id) AS entered,
                       (SELECT COUNT(DISTINCT a.scope_id) FROM audit_event a JOIN live_session s ON s.id = CAST(a.scope_id AS UNSIGNED)
                        WHERE a.occurred_at >= ? AND a.entity_type = 'sale_line' AND a.scope_type = 'live_session'
                          AND s.campaign_id = c.id) AS sales_entered,
                       (SELECT COUNT(*) FROM campaign_county cc WHERE cc.campaign_id = c.id AND cc.sign_off = 'SUBMITTED'
                          AND cc.sign_off_at >= ?) AS newly_submitted,
                       (SELECT COUNT(*) FROM campaign_county cc WHERE cc.campaign_id = c.id AND cc.sign_off = 'RETURNED'
                          AND cc.sign_off_at >= ?) AS newly_returned
                FROM campaign c
                LEFT JOIN (SELECT campaign_id, SUM(sessions) AS sessions, SUM(units) AS units, SUM(gross) AS gross,
                                  SUM(views) AS views
                           FROM county_sales GROUP BY campaign_id) d ON d.campaign_id = c.id
                WHERE c.status = 'ACTIVE' AND c.starts_on <= ? AND c.ends_on >= ?
                ORDER BY c.ends_on, c.id""",
                List.of(yesterday, yesterday, since, since, since, since, today, today),
                row -> new Running(row.getLong("id"), row.getString("name"), row.getObject("starts_on", LocalDate.class),
                        row.getObject("ends_on", LocalDate.class), row.getLong("counties"), row.getLong("submitted"),
                        row.getLong("accepted"), row.getLong("sessions"), row.getLong("units"),
                        row.getBigDecimal("gross") == null ? BigDecimal.ZERO : row.getBigDecimal("gross"),
                        (Long) row.getObject("views", Long.class), (Long) row.getObject("people", Long.class),
                        new Since(row.getLong("held"), row.getBigDecimal("gross_held"), row.getLong("entered"),
                                row.getLong("sales_entered"), row.getLong("newly_submitted"), row.getLong("newly_returned"))));
    }
}

package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.host.HostService;
import countylive.host.Platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static countylive.ledger.Jdbc.query;
import static countylive.ledger.Jdbc.queryIn;
import static countylive.ledger.Jdbc.values;

/**
 * Creating, changing and deleting livestream sessions, with their hosts and officials. A session
 * lies in one county of its campaign, within the campaign's period; it keeps its county once it
 * has sale lines (they were entered against that county's products) and cannot be deleted while
 * it has any.
 */
final class SessionWrites {

    /** The session row and its people as stored, for rules and audit entries. */
    record Stored(long id, long campaignId, String countyCode, int version, Map<String, Object> auditValues) {
    }

    private SessionWrites() {
    }

    static Work<Long> create(SessionDraft draft, HostService hosts) {
        Footprint.Scope county = new Footprint.Scope(draft.campaignId(), draft.countyCode());
        return Work.of(tx -> Touches.sessions(Set.of(), county), tx -> insert(tx, draft, check(tx, draft, hosts)));
    }

    static Work<Long> update(long id, int version, SessionDraft draft, HostService hosts) {
        // the session's own county is added by the ledger; a move locks the new county too
        Footprint.Scope county = new Footprint.Scope(draft.campaignId(), draft.countyCode());
        return Work.of(tx -> Touches.sessions(Set.of(id), county), tx -> {
            Stored before = stored(tx, id);
            tx.requireEditable(before.countyCode());
            if (before.version() != version) {
                throw Refusal.stale();
            }
            if (before.campaignId() != draft.campaignId()) {
                throw new IllegalArgumentException("a session stays in its campaign");
            }
            Set<Long> hostIds = check(tx, draft, hosts);
            if (!before.countyCode().equals(draft.countyCode()) && saleLines(tx, id) > 0) {
                // the sale lines were entered against the products of the session's county
                throw Refusal.invalid("county", "session.countyHasSales");
            }
            if (Jdbc.update(tx.connection, """
                    UPDATE live_session SET county_code = ?, platform = ?, live_date = ?, starts_at = ?, ends_at = ?,
                           views = ?, unique_viewers = ?, peak_viewers = ?, new_followers = ?,
                           version = version + 1, updated_at = ?
                    WHERE id = ? AND version = ?""", values(draft.countyCode(), draft.platform(), draft.liveDate(),
                    draft.startsAt(), draft.endsAt(), draft.views(), draft.uniqueViewers(), draft.peakViewers(),
                    draft.newFollowers(), tx.now, id, version)) != 1) {
                throw Refusal.stale();
            }
            // its lines follow a change of day (ON UPDATE CASCADE); the ledger recomputes the rollups
            Jdbc.update(tx.connection, "DELETE FROM live_session_host WHERE session_id = ?", List.of(id));
            Jdbc.update(tx.connection, "DELETE FROM live_session_official WHERE session_id = ?", List.of(id));
            people(tx, id, hostIds, draft.officialIds());
            tx.audit.updated(RecordType.LIVE_SESSION, id, draft.countyCode(), before.auditValues(),
                    auditValues(draft, hostIds, draft.officialIds()), AuditTrail.Filed.ALONE);
            return id;
        });
    }

    static Work<Long> delete(long id) {
        return Work.of(tx -> Touches.sessions(Set.of(id)), tx -> {
            Stored before = stored(tx, id);
            tx.requireEditable(before.countyCode());
            tx.requireOpen(before.campaignId());
            long lines = saleLines(tx, id);
            if (lines > 0) {
                throw Refusal.conflict(null, "ledger.sessionHasSales", lines);
            }
            // its hosts, officials and rollup row go with it (ON DELETE CASCADE)
            Jdbc.update(tx.connection, "DELETE FROM live_session WHERE id = ?", List.of(id));
            tx.audit.deleted(RecordType.LIVE_SESSION, id, before.countyCode(), before.auditValues(),
                    AuditTrail.Filed.ALONE);
            return id;
        });
    }

    /** Inserts a checked session with its hosts and officials, and notes its audit entry. */
    static long insert(Tx tx, SessionDraft draft, Set<Long> hostIds) throws SQLException {
        long id = Jdbc.insert(tx.connection, """
                INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at,
                                          views, unique_viewers, peak_viewers, new_followers, version,
                                          created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", values(draft.campaignId(),
                draft.countyCode(), draft.platform(), draft.liveDate(), draft.startsAt(), draft.endsAt(),
                draft.views(), draft.uniqueViewers(), draft.peakViewers(), draft.newFollowers(), tx.now, tx.now));
        people(tx, id, hostIds, draft.officialIds());
        tx.changedSessions.add(id);
        tx.audit.created(RecordType.LIVE_SESSION, id, draft.countyCode(),
                auditValues(draft, hostIds, draft.officialIds()), AuditTrail.Filed.ALONE);
        return id;
    }

    /** The rules of a session's place and time, which need no query: its county, campaign and period. */
    static void checkPlaceAndTime(Tx tx, SessionDraft draft) throws SQLException {
        tx.requireEditable(draft.countyCode());
        tx.requireTakesPart(draft.campaignId(), draft.countyCode(), "county");
        Tx.Campaign campaign = tx.requireOpen(draft.campaignId());
        if (!campaign.covers(draft.liveDate())) {
            throw Refusal.invalid("date", "session.outsidePeriod", campaign.startsOn().toString(),
                    campaign.endsOn().toString());
        }
        if (!draft.endsAt().isAfter(draft.startsAt())) {
            throw Refusal.invalid("end", "session.endBeforeStart");
        }
        if (!Duration.between(draft.startsAt(), draft.endsAt()).minusDays(1).isNegative()) {
            throw Refusal.invalid("end", "session.tooLong");
        }
    }

    /**
     * The rules of a session as a draft wants it, checked under its campaign county's lock; makes
     * the draft's new host, if any, and returns all its hosts.
     */
    private static Set<Long> check(Tx tx, SessionDraft draft, HostService hosts) throws SQLException {
        checkPlaceAndTime(tx, draft);
        if (count(tx, "SELECT id FROM host WHERE id IN (?*)", draft.hostIds()) != draft.hostIds().size()) {
            throw Refusal.conflict("hosts", "input.choice");
        }
        Map<Long, String> officialCounties = new LinkedHashMap<>();
        queryIn(tx.connection, "SELECT id, county_code FROM official WHERE id IN (?*)", draft.officialIds(),
                row -> officialCounties.put(row.getLong(1), row.getString(2)));
        if (officialCounties.size() != draft.officialIds().size()) {
            throw Refusal.conflict("officials", "input.choice");
        }
        if (officialCounties.values().stream().anyMatch(county -> !county.equals(draft.countyCode()))) {
            throw Refusal.invalid("officials", "session.officialOfOtherCounty");
        }
        Set<Long> hostIds = new LinkedHashSet<>(draft.hostIds());
        SessionDraft.NewHost host = draft.newHost();
        if (host != null) {
            try {
                hostIds.add(hosts.register(tx.actor, host.name(), host.platform(), host.handle()));
            } catch (HostService.HandleTaken e) {
                throw Refusal.invalid("newHostHandle", "session.hostExists");
            }
        }
        return hostIds;
    }

    static Stored stored(Tx tx, long id) throws SQLException {
        List<Stored> found = new ArrayList<>();
        query(tx.connection, """
                SELECT id, campaign_id, county_code, platform, starts_at, ends_at, views, unique_viewers, peak_viewers,
                       new_followers, version
                FROM live_session WHERE id = ?""", List.of(id), row -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("campaignId", row.getLong(2));
            values.put("countyCode", row.getString(3));
            values.put("platform", Platform.valueOf(row.getString(4)));
            values.put("startsAt", row.getObject(5, java.time.LocalDateTime.class));
            values.put("endsAt", row.getObject(6, java.time.LocalDateTime.class));
            values.put("views", Jdbc.nullableLong(row, 7));
            values.put("uniqueViewers", Jdbc.nullableLong(row, 8));
            values.put("peakViewers", Jdbc.nullableLong(row, 9));
            values.put("newFollowers", Jdbc.nullableLong(row, 10));
            found.add(new Stored(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(11), values));
        });
        if (found.isEmpty()) {
            throw Refusal.conflict(null, "ledger.recordGone");
        }
        Stored stored = found.get(0);
        stored.auditValues().put("hosts", joined(ids(tx, "SELECT host_id FROM live_session_host WHERE session_id = ?", id)));
        stored.auditValues().put("officials",
                joined(ids(tx, "SELECT official_id FROM live_session_official WHERE session_id = ?", id)));
        return stored;
    }

    static long saleLines(Tx tx, long sessionId) throws SQLException {
        long[] count = new long[1];
        query(tx.connection, "SELECT COUNT(*) FROM sale_line WHERE session_id = ?", List.of(sessionId),
                row -> count[0] = row.getLong(1));
        return count[0];
    }

    private static void people(Tx tx, long sessionId, Set<Long> hostIds, Set<Long> officialIds) throws SQLException {
        Jdbc.batch(tx.connection, "INSERT INTO live_session_host (session_id, host_id) VALUES (?, ?)", hostIds,
                host -> List.of(sessionId, host));
        Jdbc.batch(tx.connection, "INSERT INTO live_session_official (session_id, official_id) VALUES (?, ?)",
                officialIds, official -> List.of(sessionId, official));
    }

    static Map<String, Object> auditValues(SessionDraft draft, Set<Long> hostIds, Set<Long> officialIds) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("campaignId", draft.campaignId());
        values.put("countyCode", draft.countyCode());
        values.put("platform", draft.platform());
        values.put("startsAt", draft.startsAt());
        values.put("endsAt", draft.endsAt());
        values.put("views", draft.views());
        values.put("uniqueViewers", draft.uniqueViewers());
        values.put("peakViewers", draft.peakViewers());
        values.put("newFollowers", draft.newFollowers());
        values.put("hosts", joined(hostIds));
        values.put("officials", joined(officialIds));
        return values;
    }

    private static long count(Tx tx, String sql, Set<Long> ids) throws SQLException {
        long[] count = new long[1];
        queryIn(tx.connection, sql, ids, row -> count[0]++);
        return count[0];
    }

    private static List<Long> ids(Tx tx, String sql, long id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        query(tx.connection, sql, List.of(id), row -> ids.add(row.getLong(1)));
        return ids;
    }

    static String joined(Iterable<Long> ids) {
        List<Long> sorted = new ArrayList<>();
        ids.forEach(sorted::add);
        return sorted.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

}

package countylive.ledger;

import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.host.HostService;
import countylive.product.ProductService;
import countylive.web.form.Refusal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static countylive.ledger.Jdbc.batch;
import static countylive.ledger.Jdbc.query;
import static countylive.ledger.Jdbc.update;

/**
 * Sessions and lines from a platform export, confirmed in its preview: every session of the
 * files, new or updated, and every line, in one transaction under the county's lock, or none.
 * A session updated keeps what the export does not report; a line keeps its refunds when the
 * export has none. Each line's history entry names the file it came from.
 */
final class PlatformWrites {

    /** Placeholders for a product made from an export, corrected on the product's page. */
    static final String NEW_PRODUCT_CATEGORY = "待补充";
    static final String NEW_PRODUCT_UNIT = "件";

    private PlatformWrites() {
    }

    static Work<PlatformImport.Outcome> importSessions(PlatformImport file, HostService hosts, ProductService products) {
        Footprint.Scope county = new Footprint.Scope(file.campaignId(), file.countyCode());
        Set<Long> matched = new TreeSet<>();
        file.sessions().forEach(session -> {
            if (session.sessionId() != null) {
                matched.add(session.sessionId());
            }
        });
        return Work.of(tx -> Touches.sessions(matched, county), tx -> {
            tx.requireEditable(file.countyCode());
            tx.requireTakesPart(file.campaignId(), file.countyCode(), "county");
            tx.requireOpen(file.campaignId());
            int created = 0;
            int changed = 0;
            int unchanged = 0;
            int linesCreated = 0;
            int linesChanged = 0;
            int linesUnchanged = 0;
            List<Long> ids = new ArrayList<>();
            Map<String, Long> newProducts = new HashMap<>();
            // a new host is registered once, however many of the files' sessions it hosted
            Map<String, Long> newHosts = new HashMap<>();
            for (PlatformImport.Session session : file.sessions()) {
                long id;
                if (session.sessionId() == null) {
                    id = create(tx, file, session, hosts, newHosts);
                    created++;
                } else {
                    SessionWrites.Stored before = SessionWrites.stored(tx, session.sessionId());
                    if (!before.countyCode().equals(file.countyCode()) || before.campaignId() != file.campaignId()) {
                        throw Refusal.conflict(null, "platform.scope.moved");
                    }
                    id = before.id();
                    if (updateSession(tx, file, session, before, hosts, newHosts)) {
                        changed++;
                    } else {
                        unchanged++;
                    }
                }
                ids.add(id);
                keepPlatformFigures(tx, id, session);
                LineWriter.Outcome lines = lines(tx, id, session, products, newProducts);
                linesCreated += lines.created();
                linesChanged += lines.changed().size();
                linesUnchanged += lines.unchanged();
                if (!lines.written().isEmpty()) {
                    tx.changedSessions.add(id);
                    // the session's grid, opened before the import, is stale now
                    update(tx.connection, "UPDATE live_session SET version = version + 1 WHERE id = ?", List.of(id));
                }
            }
            return new PlatformImport.Outcome(created, changed, unchanged, linesCreated, linesChanged, linesUnchanged,
                    ids);
        });
    }

    private static long create(Tx tx, PlatformImport file, PlatformImport.Session session, HostService hosts,
                               Map<String, Long> newHosts) throws SQLException {
        SessionDraft draft = new SessionDraft(file.campaignId(), file.countyCode(), session.platform(),
                session.startsAt(), session.endsAt(), session.views(), session.uniqueViewers(), session.peakViewers(),
                session.newFollowers(), session.hostId() == null ? Set.of() : Set.of(session.hostId()), Set.of(), null);
        SessionWrites.checkPlaceAndTime(tx, draft);
        Set<Long> hostIds = new LinkedHashSet<>(draft.hostIds());
        Long newHost = register(tx, session, hosts, newHosts);
        if (newHost != null) {
            hostIds.add(newHost);
        }
        return SessionWrites.insert(tx, draft, hostIds);
    }

    /** @return whether anything of the session changed */
    private static boolean updateSession(Tx tx, PlatformImport file, PlatformImport.Session session,
                                  SessionWrites.Stored before, HostService hosts, Map<String, Long> newHosts)
            throws SQLException {
        Map<String, Object> was = before.auditValues();
        Set<Long> hostIds = new TreeSet<>();
        String stored = (String) was.get("hosts");
        if (stored != null && !stored.isEmpty()) {
            for (String id : stored.split(",")) {
                hostIds.add(Long.parseLong(id));
            }
        }
        Set<Long> officialIds = new TreeSet<>();
        String officials = (String) was.get("officials");
        if (officials != null && !officials.isEmpty()) {
            for (String id : officials.split(",")) {
                officialIds.add(Long.parseLong(id));
            }
        }
        if (session.hostId() != null) {
            hostIds.add(session.hostId());
        }
        SessionDraft draft = new SessionDraft(file.campaignId(), file.countyCode(), session.platform(),
                session.startsAt(), session.endsAt(),
                keep(session.views(), was.get("views")), keep(session.uniqueViewers(), was.get("uniqueViewers")),
                keep(session.peakViewers(), was.get("peakViewers")), keep(session.newFollowers(), was.get("newFollowers")),
                hostIds, officialIds, null);
        Map<String, Object> after = SessionWrites.auditValues(draft, hostIds, officialIds);
        if (after.equals(was) && session.newHost() == null) {
            return false;
        }
        SessionWrites.checkPlaceAndTime(tx, draft);
        Long newHost = register(tx, session, hosts, newHosts);
        if (newHost != null) {
            hostIds.add(newHost);
            after = SessionWrites.auditValues(draft, hostIds, officialIds);
        }
        if (update(tx.connection, """
                UPDATE live_session SET live_date = ?, starts_at = ?, ends_at = ?, views = ?, unique_viewers = ?,
                       peak_viewers = ?, new_followers = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""", Jdbc.values(draft.liveDate(), draft.startsAt(), draft.endsAt(),
                draft.views(), draft.uniqueViewers(), draft.peakViewers(), draft.newFollowers(), tx.now, before.id(),
                before.version())) != 1) {
            throw Refusal.stale();
        }
        Set<Long> added = new TreeSet<>(hostIds);
        added.removeAll(parse(stored));
        batch(tx.connection, "INSERT INTO live_session_host (session_id, host_id) VALUES (?, ?)", added,
                host -> List.of(before.id(), host));
        tx.changedSessions.add(before.id());
        tx.audit.updated(RecordType.LIVE_SESSION, before.id(), file.countyCode(), was, after,
                AuditTrail.Filed.ALONE.from(session.sourceFile()));
        return true;
    }

    private static Set<Long> parse(String joined) {
        Set<Long> ids = new TreeSet<>();
        if (joined != null && !joined.isEmpty()) {
            for (String id : joined.split(",")) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    private static Long keep(Long reported, Object stored) {
        return reported != null ? reported : (Long) stored;
    }

    private static Long register(Tx tx, PlatformImport.Session session, HostService hosts, Map<String, Long> made) {
        SessionDraft.NewHost host = session.newHost();
        if (host == null) {
            return null;
        }
        String key = host.platform() + ":" + host.handle();
        if (made.containsKey(key)) {
            return made.get(key);
        }
        try {
            long id = hosts.register(tx.actor, host.name(), host.platform(), host.handle());
            made.put(key, id);
            return id;
        } catch (HostService.HandleTaken e) {
            throw Refusal.conflict(null, "session.hostExists");
        }
    }

    /** What the platform reports beyond County Live's fields, kept with the session (replaced by a newer export). */
    private static void keepPlatformFigures(Tx tx, long sessionId, PlatformImport.Session session) throws SQLException {
        update(tx.connection, "DELETE FROM live_session_platform WHERE session_id = ?", List.of(sessionId));
        update(tx.connection, """
                INSERT INTO live_session_platform (session_id, account, platform_session_id, metrics, gross_source,
                                                   source_file, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", Jdbc.values(sessionId, session.account(), session.platformSessionId(),
                session.metrics(), session.grossSource(), shortened(session.sourceFile()), tx.now));
    }

    private static LineWriter.Outcome lines(Tx tx, long sessionId, PlatformImport.Session session,
                                            ProductService products, Map<String, Long> newProducts) throws SQLException {
        LineWriter.Session target = LineWriter.sessions(tx, List.of(sessionId)).get(sessionId);
        Map<String, LineWriter.Line> stored = LineWriter.stored(tx, List.of(sessionId));
        Map<Long, LineWriter.Put> puts = new LinkedHashMap<>();
        Map<Long, List<String>> externalIds = new LinkedHashMap<>();
        for (PlatformImport.Line line : session.lines()) {
            Long productId = line.productId() != null ? line.productId() : newProduct(tx, line.newProductName(),
                    target.countyCode(), products, newProducts);
            LineWriter.Line before = stored.get(sessionId + ":" + productId);
            BigDecimal refunds = line.refunds() != null ? line.refunds()
                    : before != null ? before.figures().refunds() : BigDecimal.ZERO.setScale(2);
            LineFigures figures = new LineFigures(line.units(), line.orders(), line.gross(), refunds);
            LineWriter.Put earlier = puts.get(productId);
            if (earlier != null) {
                // two platform products matched to one County Live product: one line, their sum
                LineFigures sum = earlier.figures();
                figures = new LineFigures(sum.units() + figures.units(), sum.orders() + figures.orders(),
                        sum.gross().add(figures.gross()), line.refunds() == null ? sum.refunds()
                        : sum.refunds().add(figures.refunds()));
            }
            puts.put(productId, new LineWriter.Put(sessionId, productId, figures));
            externalIds.computeIfAbsent(productId, key -> new ArrayList<>()).addAll(line.externalIds());
        }
        for (LineWriter.Put put : puts.values()) {
            SaleLineRules.check(put.figures(), "gross");
        }
        Map<Long, LineWriter.Product> known = LineWriter.products(tx, puts.keySet());
        if (known.size() != puts.size()) {
            throw Refusal.conflict(null, "ledger.recordGone");
        }
        // the platform's ids are remembered for the next export of the same products
        List<Object[]> mappings = new ArrayList<>();
        externalIds.forEach((productId, external) -> external.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> mappings.add(new Object[]{id, productId})));
        batch(tx.connection, """
                INSERT IGNORE INTO platform_product (platform, external_id, product_id, created_at)
                VALUES (?, ?, ?, ?)""", mappings, mapping -> List.of(session.platform().name(), mapping[0], mapping[1],
                tx.now));
        return LineWriter.put(tx, Map.of(sessionId, target), SalesWrites.counties(known), new ArrayList<>(puts.values()),
                session.sourceFile());
    }

    private static long newProduct(Tx tx, String name, String countyCode, ProductService products,
                                   Map<String, Long> made) {
        Long known = made.get(name);
        if (known != null) {
            return known;
        }
        long id = products.register(tx.actor, name, countyCode, NEW_PRODUCT_CATEGORY, NEW_PRODUCT_UNIT)
                .orElseThrow(() -> Refusal.conflict(null, "platform.productExists", name));
        made.put(name, id);
        return id;
    }

    private static String shortened(String name) {
        return name == null || name.length() <= 200 ? name : name.substring(0, 200);
    }
}

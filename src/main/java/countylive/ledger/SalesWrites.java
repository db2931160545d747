package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.audit.RecordType;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static countylive.ledger.Jdbc.batch;
import static countylive.ledger.Jdbc.query;
import static countylive.ledger.Jdbc.update;

/**
 * Sale lines from the sales grid and from an imported workbook. Both go through
 * {@link SaleLineRules} and {@link LineWriter}: the same rules, the same per-line history.
 */
final class SalesWrites {

    private SalesWrites() {
    }

    /** A session's whole grid: the lines of its products, or none. */
    static Work<Long> grid(SalesGrid grid) {
        long sessionId = grid.sessionId();
        return Work.of(tx -> Touches.sessions(Set.of(sessionId)), tx -> {
            LineWriter.Session session = LineWriter.sessions(tx, List.of(sessionId)).get(sessionId);
            if (session == null) {
                throw Refusal.conflict(null, "ledger.recordGone");
            }
            tx.requireEditable(session.countyCode());
            tx.requireOpen(session.campaignId());
            // claims the session for this grid: a grid opened before another save (or an import) is stale
            if (update(tx.connection, "UPDATE live_session SET version = version + 1, updated_at = ? WHERE id = ?"
                    + " AND version = ?", List.of(tx.now, sessionId, grid.version())) != 1) {
                throw Refusal.stale();
            }
            Map<Long, LineWriter.Product> products = LineWriter.products(tx, grid.lines().keySet());
            Map<String, LineWriter.Line> stored = LineWriter.stored(tx, List.of(sessionId));
            List<LineWriter.Put> puts = new ArrayList<>();
            for (var entry : grid.lines().entrySet()) {
                LineWriter.Product product = products.get(entry.getKey());
                LineFigures figures = entry.getValue();
                if (product == null) {
                    throw Refusal.conflict("product." + entry.getKey(), "input.choice");
                }
                if (figures != null) {
                    check(grid, session, product, figures, stored.containsKey(sessionId + ":" + product.id()));
                }
                puts.add(new LineWriter.Put(sessionId, product.id(), figures));
            }
            LineWriter.put(tx, Map.of(sessionId, session), counties(products), puts, null);
            return sessionId;
        });
    }

    /** A grid line's rules: its figures, an implausible line (unit price, orders) confirmed, on-behalf confirmed when new. */
    private static void check(SalesGrid grid, LineWriter.Session session, LineWriter.Product product,
                              LineFigures figures, boolean exists) {
        SaleLineRules.check(figures, "units." + product.id());
        if (!product.countyCode().equals(session.countyCode()) && !exists
                && !grid.onBehalfConfirmed().contains(product.id())) {
            throw Refusal.invalid("onBehalf.add", "sale.onBehalfRequired");
        }
        Refusal.Problem warning = SaleLineRules.warning(figures, product.referencePrice());
        if (warning != null && !grid.warningsConfirmed().contains(product.id())) {
            throw new Refusal(Refusal.Kind.INVALID, List.of(new Refusal.Problem(warning.field() + "." + product.id(),
                    warning.key(), warning.arguments())));
        }
    }

    /** A workbook's rows, checked and written in one transaction under its county's lock. */
    static Work<ImportOutcome> importFile(SalesFile file) {
        return Work.of(tx -> touches(file), tx -> {
            tx.requireEditable(file.countyCode());
            tx.requireTakesPart(file.campaignId(), file.countyCode(), "county");
            tx.requireOpen(file.campaignId());
            if (importedBefore(tx, file)) {
                throw Refusal.conflict(null, "excel.import.sameFile");
            }
            Map<Long, LineWriter.Session> here = sessionsOf(tx, file.campaignId(), file.countyCode());
            Set<Long> productIds = new HashSet<>();
            file.rows().forEach(row -> {
                if (row.productId() != null) {
                    productIds.add(row.productId());
                }
            });
            Map<Long, LineWriter.Product> products = LineWriter.products(tx, productIds);
            List<SalesFile.RowProblem> problems = new ArrayList<>(file.readProblems());
            List<LineWriter.Put> puts = check(file, here, products, problems);
            boolean errors = problems.stream().anyMatch(p -> !p.warning());
            boolean warnings = problems.stream().anyMatch(SalesFile.RowProblem::warning);
            if (errors || (warnings && !file.warningsConfirmed())) {
                problems.sort(Comparator.comparingInt(SalesFile.RowProblem::row));
                throw new ImportRefusal(problems);
            }
            update(tx.connection, """
                    INSERT INTO sale_import (campaign_id, county_code, file_sha256, file_name, row_count, user_id,
                                             created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Jdbc.values(file.campaignId(), file.countyCode(), file.sha256(),
                    shortened(file.fileName()), puts.size(), tx.actor.isSystem() ? null : tx.actor.id(), tx.now));
            // the sessions written, all of them the county's (check refused any other)
            Map<Long, LineWriter.Session> sessions = new LinkedHashMap<>();
            puts.forEach(put -> sessions.put(put.sessionId(), here.get(put.sessionId())));
            tx.changedSessions.addAll(sessions.keySet());
            LineWriter.Outcome outcome = LineWriter.put(tx, sessions, counties(products), puts, file.fileName());
            // the grids of these sessions were opened before the import: make them stale (a statement per
            // 500 sessions, not one per session: a 100,000-row file names 2,000 of them)
            for (List<Long> chunk : Jdbc.chunks(sessions.keySet())) {
                update(tx.connection, "UPDATE live_session SET version = version + 1 WHERE id IN ("
                        + Jdbc.marks(chunk.size()) + ")", chunk);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("file", file.fileName());
            summary.put("sha256", file.sha256());
            summary.put("campaignId", file.campaignId());
            summary.put("lines", puts.size());
            summary.put("created", outcome.created());
            summary.put("changed", outcome.changed().size());
            summary.put("gross", puts.stream().map(put -> put.figures().gross()).reduce(BigDecimal.ZERO, BigDecimal::add));
            tx.audit.imported(RecordType.SALE_IMPORT, file.campaignId() + "/" + file.countyCode(), file.countyCode(),
                    summary, file.fileName());
            return new ImportOutcome(outcome.created(), outcome.changed().stream()
                    .map(c -> new ImportOutcome.Changed(c.sessionId(), c.productId(), c.before(), c.after()))
                    .toList(), outcome.unchanged(), List.copyOf(outcome.written()));
        });
    }

    /**
     * The file's own county, nothing else: a row naming a session elsewhere is refused, so a hostile
     * file cannot lock other counties. The sessions it writes lie in that county and are reported as
     * it writes them; it never removes a line, so it leaves no rollup row the sessions fed before.
     */
    private static Touches touches(SalesFile file) {
        return Touches.scopes(Set.of(new Footprint.Scope(file.campaignId(), file.countyCode())));
    }

    /** The rules of every row against the county's sessions and the products; the lines to write. */
    private static List<LineWriter.Put> check(SalesFile file, Map<Long, LineWriter.Session> here,
                                              Map<Long, LineWriter.Product> products,
                                              List<SalesFile.RowProblem> problems) {
        List<LineWriter.Put> puts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SalesFile.Row row : file.rows()) {
            int before = problems.size();
            if (row.sessionId() != null && !here.containsKey(row.sessionId())) {
                problems.add(problem(row, "session", "excel.import.sessionNotHere"));
            }
            LineWriter.Product product = row.productId() == null ? null : products.get(row.productId());
            if (row.productId() != null && product == null) {
                problems.add(problem(row, "product", "excel.import.productUnknown"));
            } else if (product != null && !product.countyCode().equals(file.countyCode()) && !row.onBehalf()) {
                problems.add(problem(row, "product", "excel.import.productOtherCounty"));
            }
            if (row.sessionId() != null && row.productId() != null && !seen.add(row.sessionId() + ":" + row.productId())) {
                problems.add(problem(row, "product", "excel.import.duplicateLine"));
            }
            if (row.figures() != null) {
                try {
                    SaleLineRules.check(row.figures(), "gross");
                } catch (Refusal refusal) {
                    Refusal.Problem first = refusal.problems().get(0);
                    problems.add(new SalesFile.RowProblem(row.number(), first.field(), first.key(), first.arguments(), false));
                }
            }
            if (problems.size() == before && row.sessionId() != null && product != null && row.figures() != null) {
                Refusal.Problem warning = SaleLineRules.warning(row.figures(), product.referencePrice());
                if (warning != null) {
                    problems.add(new SalesFile.RowProblem(row.number(), warning.field(), warning.key(),
                            warning.arguments(), true));
                }
                puts.add(new LineWriter.Put(row.sessionId(), row.productId(), row.figures()));
            }
        }
        if (file.rows().isEmpty() && problems.isEmpty()) {
            problems.add(new SalesFile.RowProblem(2, "session", "excel.import.noRows", List.of(), false));
        }
        return puts;
    }

    private static SalesFile.RowProblem problem(SalesFile.Row row, String field, String key) {
        return new SalesFile.RowProblem(row.number(), field, key, List.of(), false);
    }

    static boolean importedBefore(Tx tx, SalesFile file) throws SQLException {
        boolean[] found = new boolean[1];
        query(tx.connection, "SELECT 1 FROM sale_import WHERE campaign_id = ? AND county_code = ? AND file_sha256 = ?",
                List.of(file.campaignId(), file.countyCode(), file.sha256()), row -> found[0] = true);
        return found[0];
    }

    private static Map<Long, LineWriter.Session> sessionsOf(Tx tx, long campaignId, String countyCode)
            throws SQLException {
        Map<Long, LineWriter.Session> sessions = new HashMap<>();
        query(tx.connection, "SELECT id, live_date FROM live_session WHERE campaign_id = ? AND county_code = ?",
                List.of(campaignId, countyCode), row -> sessions.put(row.getLong(1), new LineWriter.Session(row.getLong(1),
                        campaignId, countyCode, row.getObject(2, LocalDate.class))));
        return sessions;
    }

    static Map<Long, String> counties(Map<Long, LineWriter.Product> products) {
        Map<Long, String> counties = new HashMap<>();
        products.values().forEach(product -> counties.put(product.id(), product.countyCode()));
        return counties;
    }

    private static @Nullable String shortened(@Nullable String name) {
        return name == null || name.length() <= 200 ? name : name.substring(0, 200);
    }
}

package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.campaign.CampaignLocks;
import countylive.host.HostService;
import countylive.product.ProductService;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The one way campaign data change: sessions, sale lines, households and beneficiary links, by
 * whoever changes them (the forms, the grid, imports, loaders). Each change is one transaction in
 * which the ledger, around the change's own rules and rows:
 * <ol>
 * <li>claims the form's one-time token, so a double submit makes nothing twice;</li>
 * <li>locks the campaign counties the change touches, in order, which raises their revision
 *     ({@link CampaignLocks}); what it reads for the change is read after that;</li>
 * <li>lets the change check its rules and write its rows, each with an audit entry;</li>
 * <li>refuses the change when a county it touches has its figures accepted, or submitted and the
 *     user is their coordinator (the sign-off, {@link SignOffRule});</li>
 * <li>recomputes every rollup row the change's sessions and households fed before or feed now;</li>
 * <li>writes the audit entries, and the token's result.</li>
 * </ol>
 * A transaction the database rolls back to resolve a lock conflict is run again from the start.
 * A refused change ({@link Refusal}) writes nothing. Reading code never comes here.
 */
@Singleton
public class Ledger {

    private final TransactionOperations<Connection> transactions;
    private final CampaignLocks locks;
    private final AuditTrail audit;
    private final Submissions submissions;
    private final HostService hosts;
    private final ProductService products;
    private final Clock clock;
    @jakarta.inject.Inject
    LedgerMetrics metrics;

    Ledger(TransactionOperations<Connection> transactions, CampaignLocks locks, AuditTrail audit,
           Submissions submissions, HostService hosts, ProductService products, Clock clock) {
        this.products = products;
        this.transactions = transactions;
        this.locks = locks;
        this.audit = audit;
        this.submissions = submissions;
        this.hosts = hosts;
        this.clock = clock;
    }

    /** @return the new session's id */
    public long createSession(CurrentUser by, SessionDraft draft, @Nullable Submission submission) {
        return run("create a session", by, submission, SessionWrites.create(draft, hosts));
    }

    /** @param version the session's version when its form was opened */
    public void updateSession(CurrentUser by, long id, int version, SessionDraft draft) {
        run("change session " + id, by, SessionWrites.update(id, version, draft, hosts));
    }

    public void deleteSession(CurrentUser by, long id) {
        run("delete session " + id, by, SessionWrites.delete(id));
    }

    /** A session's whole sales grid, every line or none: a product without figures has no line (any is deleted). */
    public void saveSales(CurrentUser by, SalesGrid grid, @Nullable Submission submission) {
        run("save the sales of session " + grid.sessionId(), by, submission, SalesWrites.grid(grid));
    }

    /** @throws ImportRefusal when a row has a problem or an unconfirmed warning (nothing is written) */
    public ImportOutcome importSales(CurrentUser by, SalesFile file) {
        return run("import " + file.fileName(), by, SalesWrites.importFile(file));
    }

    /**
     * Sessions and lines from a platform's export, confirmed in its preview, all or nothing. The
     * preview's token is the submission: a second confirm writes nothing and leads to the first's result.
     */
    public PlatformImport.Outcome importPlatform(CurrentUser by, PlatformImport file, Submission submission) {
        return run("import platform files into campaign " + file.campaignId() + " for county " + file.countyCode(),
                by, submission, PlatformWrites.importSessions(file, hosts, products), outcome -> 0);
    }

    /** @return the new household's id */
    public long createHousehold(CurrentUser by, HouseholdDraft draft, @Nullable Submission submission) {
        return run("register a household", by, submission, HouseholdWrites.create(draft));
    }

    public void updateHousehold(CurrentUser by, long id, int version, HouseholdDraft draft) {
        run("change household " + id, by, HouseholdWrites.update(id, version, draft));
    }

    public void deleteHousehold(CurrentUser by, long id) {
        run("delete household " + id, by, HouseholdWrites.delete(id));
    }

    /** @return the new link's id */
    public long createLink(CurrentUser by, long householdId, LinkDraft draft, @Nullable Submission submission) {
        return run("link household " + householdId, by, submission, LinkWrites.create(householdId, draft));
    }

    public void updateLink(CurrentUser by, long id, int version, LinkDraft draft) {
        run("change link " + id, by, LinkWrites.update(id, version, draft));
    }

    /** @return the id of the link's household */
    public long deleteLink(CurrentUser by, long id) {
        return run("delete link " + id, by, LinkWrites.delete(id));
    }

    /** @return the number of sessions loaded */
    public int load(CurrentUser by, CampaignLoad load) {
        return run("load into campaign " + load.campaignId(), by, LoadWrites.load(load));
    }

    /**
     * A sign-off step (submit, accept, return, reopen) for some of a campaign's counties.
     *
     * @return how many counties moved (a county already where the step leads stays)
     */
    public int signOff(CurrentUser by, SignOffChange change) {
        return run(change.action().name().toLowerCase(java.util.Locale.ROOT) + " the figures of campaign "
                + change.campaignId() + " " + change.countyCodes(), by, SignOffWrites.step(change));
    }

    /**
     * Recomputes every rollup row of a campaign from its sessions, sale lines and links, under the
     * locks of all its counties: the repair after data was changed outside the application.
     */
    public void rebuild(CurrentUser by, long campaignId) {
        run("recompute the rollups of campaign " + campaignId, by, Work.keepingFigures(tx -> {
            Set<Footprint.Scope> counties = new TreeSet<>();
            Jdbc.query(tx.connection, "SELECT county_code FROM campaign_county WHERE campaign_id = ?",
                    List.of(campaignId), row -> counties.add(new Footprint.Scope(campaignId, row.getString(1))));
            return Touches.scopes(counties);
        }, tx -> {
            Rollups.rebuild(tx.connection, campaignId);
            return campaignId;
        }));
    }

    private <R> R run(String what, CurrentUser by, Work<R> work) {
        return run(what, by, null, work, result -> 0);
    }

    /** A change that a form with a one-time token asked for; it returns the id of what it made or changed. */
    private long run(String what, CurrentUser by, @Nullable Submission submission, Work<Long> work) {
        return run(what, by, submission, work, Long::longValue);
    }

    private <R> R run(String what, CurrentUser by, @Nullable Submission submission, Work<R> work,
                      ToLongFunction<R> id) {
        if (transactions.findTransactionStatus().isPresent()) {
            // inside a caller's transaction: it ends, and would be retried, as a whole
            return once(by, submission, work, id, transactions.getConnection());
        }
        return metrics.change(() -> Retry.onConflict(what, () -> transactions.executeWrite(status ->
                once(by, submission, work, id, status.getConnection())), metrics::conflict));
    }

    private <R> R once(CurrentUser by, @Nullable Submission submission, Work<R> work, ToLongFunction<R> id,
                       Connection connection) {
        try {
            Tx tx = new Tx(connection, by, audit.batch(by), LocalDateTime.now(clock));
            if (submission != null) {
                submissions.claim(submission.token());
            }
            Touches touches = lock(tx, work);
            Footprint fed = Rollups.footprint(connection, touches.sessions());
            Set<Footprint.Scope> counted = PeopleRollup.scopesOf(connection, touches.households());
            R result = work.apply(tx);
            if (!work.keepsFigures() && !tx.figuresKept()) {
                SignOffRule.require(tx);
            }
            // the rollups follow: every row the change's records fed before or feed now
            Footprint feeds = fed.plus(Rollups.footprint(connection, union(touches.sessions(), tx.changedSessions)));
            counted.addAll(PeopleRollup.scopesOf(connection, union(touches.households(), tx.changedHouseholds)));
            requireLocked(tx, feeds, counted);
            Rollups.refresh(connection, feeds);
            PeopleRollup.refresh(connection, counted);
            metrics.wrote(tx.audit.write());
            if (submission != null) {
                submissions.complete(submission.token(), submission.resultPath().apply(id.applyAsLong(result)));
            }
            return result;
        } catch (SQLException e) {
            throw new DataAccessException("the ledger's statement failed: " + e.getMessage(), e);
        }
    }

    /**
     * Locks the campaign counties of what the change touches, in order, then asks again what it
     * touches: a session may have moved to another county before the lock was taken. Returns what
     * it touches with every lock held.
     */
    private Touches lock(Tx tx, Work<?> work) throws SQLException {
        for (int round = 0; round < 5; round++) {
            Touches touches = work.touches(tx);
            Set<Footprint.Scope> wanted = new TreeSet<>(touches.scopes());
            wanted.addAll(Rollups.scopesOf(tx.connection, touches.sessions()));
            wanted.addAll(PeopleRollup.scopesOf(tx.connection, touches.households()));
            wanted.removeIf(tx::asked);
            if (wanted.isEmpty()) {
                return touches;
            }
            for (Footprint.Scope scope : wanted) {
                tx.lockTaken(scope, locks.lock(scope.campaignId(), scope.countyCode()));
            }
        }
        throw new LockMissed("the records of a change kept moving to other counties");
    }

    /** Every rollup row recomputed lies in a campaign county the change holds locked. */
    private static void requireLocked(Tx tx, Footprint feeds, Set<Footprint.Scope> counted) {
        Set<Footprint.Scope> touched = new TreeSet<>(counted);
        touched.addAll(feeds.days.keySet());
        touched.addAll(feeds.hosts.keySet());
        touched.addAll(feeds.officials.keySet());
        touched.addAll(feeds.products.keySet());
        touched.removeAll(tx.locked());
        if (!touched.isEmpty()) {
            throw new LockMissed("rollups of " + touched + " would change without their lock");
        }
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
    }
}

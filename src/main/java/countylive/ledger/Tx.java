package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.campaign.CampaignStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One change in progress: its connection and transaction, who makes it, the audit entries it
 * collects, the campaign counties it holds locked and the records it made, whose rollup rows
 * the ledger recomputes at the end.
 */
final class Tx {

    /** A campaign as a change sees it once its counties are locked. */
    record Campaign(long id, CampaignStatus status, LocalDate startsOn, LocalDate endsOn) {

        boolean covers(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    final Connection connection;
    final CurrentUser actor;
    final AuditTrail.Batch audit;
    final LocalDateTime now;
    /** Sessions made or changed by the change besides those it said it touches: their rollup rows are recomputed. */
    final Set<Long> changedSessions = new LinkedHashSet<>();
    /** The same for households (new households with links). */
    final Set<Long> changedHouseholds = new LinkedHashSet<>();
    private final Set<Footprint.Scope> locked = new TreeSet<>();
    private boolean figuresKept;
    private final Set<Footprint.Scope> absent = new TreeSet<>();
    private final Map<Long, Campaign> campaigns = new HashMap<>();

    Tx(Connection connection, CurrentUser actor, AuditTrail.Batch audit, LocalDateTime now) {
        this.connection = connection;
        this.actor = actor;
        this.audit = audit;
        this.now = now;
    }

    /** Notes the outcome of a lock: locked, or the county does not take part in the campaign. */
    void lockTaken(Footprint.Scope scope, boolean takesPart) {
        (takesPart ? locked : absent).add(scope);
    }

    /**
     * Says that this change, as it turned out, leaves every figure as it was (a household's name
     * corrected, say): the sign-off's hold does not apply to it.
     */
    void keepsFigures() {
        figuresKept = true;
    }

    boolean figuresKept() {
        return figuresKept;
    }

    boolean asked(Footprint.Scope scope) {
        return locked.contains(scope) || absent.contains(scope);
    }

    boolean holds(Footprint.Scope scope) {
        return locked.contains(scope);
    }

    Set<Footprint.Scope> locked() {
        return locked;
    }

    /**
     * The county's part in the campaign, which the change must have locked.
     *
     * @throws Refusal when the county does not take part in the campaign
     */
    void requireTakesPart(long campaignId, String countyCode, String field) {
        Footprint.Scope scope = new Footprint.Scope(campaignId, countyCode);
        if (!holds(scope)) {
            if (asked(scope)) {
                throw Refusal.invalid(field, "ledger.countyNotInCampaign");
            }
            throw new LockMissed("the records moved to " + scope + " before it was locked");
        }
    }

    /** @throws Refusal when the user may not change the county's records */
    void requireEditable(String countyCode) {
        if (!actor.mayEdit(countyCode)) {
            throw Refusal.conflict(null, "ledger.notYourCounty");
        }
    }

    /** The campaign as of the latest commit (its counties locked, so it cannot close meanwhile). */
    Campaign campaign(long campaignId) throws SQLException {
        Campaign known = campaigns.get(campaignId);
        if (known != null) {
            return known;
        }
        Campaign[] found = new Campaign[1];
        Jdbc.query(connection, "SELECT status, starts_on, ends_on FROM campaign WHERE id = ?", List.of(campaignId),
                row -> found[0] = new Campaign(campaignId, CampaignStatus.valueOf(row.getString(1)),
                        row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class)));
        if (found[0] == null) {
            throw Refusal.conflict(null, "ledger.campaignGone");
        }
        campaigns.put(campaignId, found[0]);
        return found[0];
    }

    /** @throws Refusal when the campaign is closed */
    Campaign requireOpen(long campaignId) throws SQLException {
        Campaign campaign = campaign(campaignId);
        if (campaign.status() == CampaignStatus.CLOSED) {
            throw Refusal.conflict(null, "ledger.campaignClosed");
        }
        return campaign;
    }
}

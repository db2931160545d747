package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static countylive.ledger.Jdbc.query;
import static countylive.ledger.Jdbc.values;

/**
 * Beneficiary links: a household's part in a campaign its county takes part in, optionally
 * through one product of its county. Links of a closed campaign no longer change; a link may move
 * to another open campaign of its county, and the people assisted of both follow.
 */
final class LinkWrites {

    /** A link as stored. */
    record Stored(long id, long campaignId, long householdId, String countyCode, @Nullable Long productId,
                  BigDecimal income, int version) {

        LinkDraft draft() {
            return new LinkDraft(campaignId, productId, income);
        }
    }

    private LinkWrites() {
    }

    static Work<Long> create(long householdId, LinkDraft draft) {
        return Work.of(tx -> Touches.households(Set.of(householdId),
                scopes(countyOf(tx, householdId), draft.campaignId())), tx -> {
            HouseholdWrites.Stored household = HouseholdWrites.stored(tx, householdId, true);
            check(tx, household, draft, -1);
            long id = Jdbc.insert(tx.connection, """
                    INSERT INTO beneficiary_link (campaign_id, household_id, county_code, product_id, income, version,
                                                  created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?, ?)""", values(draft.campaignId(), householdId,
                    household.countyCode(), draft.productId(), draft.income(), tx.now, tx.now));
            tx.audit.created(RecordType.BENEFICIARY_LINK, id, household.countyCode(), auditValues(householdId, draft),
                    AuditTrail.Filed.under(RecordType.HOUSEHOLD, householdId));
            return id;
        });
    }

    static Work<Long> update(long id, int version, LinkDraft draft) {
        return Work.of(tx -> touches(tx, id, draft.campaignId()), tx -> {
            Stored before = stored(tx, id);
            HouseholdWrites.Stored household = HouseholdWrites.stored(tx, before.householdId(), true);
            if (before.version() != version) {
                throw Refusal.stale();
            }
            tx.requireOpen(before.campaignId());
            check(tx, household, draft, id);
            if (Jdbc.update(tx.connection, """
                    UPDATE beneficiary_link SET campaign_id = ?, product_id = ?, income = ?, version = version + 1,
                           updated_at = ?
                    WHERE id = ? AND version = ?""", values(draft.campaignId(), draft.productId(), draft.income(),
                    tx.now, id, version)) != 1) {
                throw Refusal.stale();
            }
            tx.audit.updated(RecordType.BENEFICIARY_LINK, id, household.countyCode(),
                    auditValues(before.householdId(), before.draft()), auditValues(before.householdId(), draft),
                    AuditTrail.Filed.under(RecordType.HOUSEHOLD, before.householdId()));
            return id;
        });
    }

    static Work<Long> delete(long id) {
        return Work.of(tx -> touches(tx, id), tx -> {
            Stored before = stored(tx, id);
            HouseholdWrites.stored(tx, before.householdId(), true);
            tx.requireEditable(before.countyCode());
            tx.requireOpen(before.campaignId());
            Jdbc.update(tx.connection, "DELETE FROM beneficiary_link WHERE id = ?", List.of(id));
            tx.audit.deleted(RecordType.BENEFICIARY_LINK, id, before.countyCode(),
                    auditValues(before.householdId(), before.draft()),
                    AuditTrail.Filed.under(RecordType.HOUSEHOLD, before.householdId()));
            return before.householdId();
        });
    }

    /** The rules of a link as the draft wants it, for the household as stored now. */
    private static void check(Tx tx, HouseholdWrites.Stored household, LinkDraft draft, long exceptId)
            throws SQLException {
        tx.requireEditable(household.countyCode());
        tx.requireTakesPart(draft.campaignId(), household.countyCode(), "campaign");
        tx.requireOpen(draft.campaignId());
        if (draft.income().signum() < 0) {
            throw Refusal.invalid("income", "input.negative");
        }
        if (draft.productId() != null) {
            List<String> counties = new ArrayList<>();
            query(tx.connection, "SELECT county_code FROM product WHERE id = ?", List.of(draft.productId()),
                    row -> counties.add(row.getString(1)));
            if (!counties.equals(List.of(household.countyCode()))) {
                throw Refusal.invalid("product", "input.choice");
            }
        }
        long[] same = new long[1];
        query(tx.connection, """
                SELECT COUNT(*) FROM beneficiary_link WHERE campaign_id = ? AND household_id = ?
                AND product_id <=> ? AND id <> ?""", values(draft.campaignId(), household.id(), draft.productId(),
                exceptId), row -> same[0] = row.getLong(1));
        if (same[0] > 0) {
            throw Refusal.invalid("product", "household.linkExists");
        }
    }

    private static Stored stored(Tx tx, long id) throws SQLException {
        List<Stored> found = new ArrayList<>();
        query(tx.connection, """
                SELECT id, campaign_id, household_id, county_code, product_id, income, version
                FROM beneficiary_link WHERE id = ?""", List.of(id), row -> found.add(new Stored(row.getLong(1),
                row.getLong(2), row.getLong(3), row.getString(4), Jdbc.nullableLong(row, 5), row.getBigDecimal(6),
                row.getInt(7))));
        if (found.isEmpty()) {
            throw Refusal.conflict(null, "ledger.recordGone");
        }
        return found.get(0);
    }

    /** A link's household, its campaign's county and those of the campaigns it moves to. */
    private static Touches touches(Tx tx, long linkId, long... movingTo) throws SQLException {
        Stored link = stored(tx, linkId);
        Set<Footprint.Scope> scopes = scopes(link.countyCode(), link.campaignId());
        scopes.addAll(scopes(link.countyCode(), movingTo));
        return Touches.households(Set.of(link.householdId()), scopes);
    }

    private static String countyOf(Tx tx, long householdId) throws SQLException {
        return HouseholdWrites.stored(tx, householdId, false).countyCode();
    }

    private static Set<Footprint.Scope> scopes(String countyCode, long... campaignIds) {
        Set<Footprint.Scope> scopes = new TreeSet<>();
        for (long campaignId : campaignIds) {
            scopes.add(new Footprint.Scope(campaignId, countyCode));
        }
        return scopes;
    }

    static Map<String, Object> auditValues(long householdId, LinkDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("campaignId", draft.campaignId());
        values.put("householdId", householdId);
        values.put("productId", draft.productId());
        values.put("income", draft.income());
        return values;
    }
}

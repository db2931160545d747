package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.audit.AuditTrail;
import countylive.audit.RecordType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static countylive.ledger.Jdbc.query;

/**
 * Registered poor households. A household's members count in the people assisted of every
 * campaign that links it, in its own county; so that a campaign's figures never shift after the
 * fact, a household cannot move to another county while any campaign links it, nor change its
 * members while a closed campaign links it (docs/summaries.md, "People assisted"). While a
 * campaign county that links it is accepted (or submitted, for its coordinator), only its name and
 * registration number may be corrected: the sign-off holds its members and village.
 *
 * <p>A household that no campaign links touches no campaign county, so its changes hold the
 * household's own row locked (after any county locks, as every change does): two edits, or an
 * edit and a new link, take turns.
 */
final class HouseholdWrites {

    /** A household as stored. */
    record Stored(long id, String countyCode, int version, Map<String, Object> auditValues) {
    }

    private HouseholdWrites() {
    }

    static Work<Long> create(HouseholdDraft draft) {
        // no campaign links it yet: no campaign's figures change
        return Work.of(tx -> Touches.none(), tx -> {
            check(tx, draft, -1);
            long id = Jdbc.insert(tx.connection, """
                    INSERT INTO household (registration_no, county_code, village, head_name, members, version,
                                           created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?, ?)""", List.of(draft.registrationNo(), draft.countyCode(),
                    draft.village(), draft.headName(), draft.members(), tx.now, tx.now));
            tx.audit.created(RecordType.HOUSEHOLD, id, draft.countyCode(), values(draft), AuditTrail.Filed.ALONE);
            return id;
        });
    }

    static Work<Long> update(long id, int version, HouseholdDraft draft) {
        return Work.of(tx -> Touches.households(Set.of(id), Set.of()), tx -> {
            Stored before = stored(tx, id, true);
            tx.requireEditable(before.countyCode());
            if (before.version() != version) {
                throw Refusal.stale();
            }
            check(tx, draft, id);
            if (!before.countyCode().equals(draft.countyCode()) && links(tx, id) > 0) {
                throw Refusal.invalid("county", "household.countyHasLinks");
            }
            if (draft.members() != (int) before.auditValues().get("members") && linkedToClosed(tx, id)) {
                throw Refusal.invalid("members", "ledger.membersFinal");
            }
            if (draft.members() == (int) before.auditValues().get("members")
                    && java.util.Objects.equals(draft.village(), before.auditValues().get("village"))
                    && draft.countyCode().equals(before.countyCode())) {
                // its name or number corrected: the people assisted, by county and village, stay as
                // they are, so an accepted campaign that links it does not hold the correction back
                tx.keepsFigures();
            }
            if (Jdbc.update(tx.connection, """
                    UPDATE household SET registration_no = ?, county_code = ?, village = ?, head_name = ?, members = ?,
                           version = version + 1, updated_at = ?
                    WHERE id = ? AND version = ?""", List.of(draft.registrationNo(), draft.countyCode(),
                    draft.village(), draft.headName(), draft.members(), tx.now, id, version)) != 1) {
                throw Refusal.stale();
            }
            tx.audit.updated(RecordType.HOUSEHOLD, id, draft.countyCode(), before.auditValues(), values(draft),
                    AuditTrail.Filed.ALONE);
            return id;
        });
    }

    static Work<Long> delete(long id) {
        return Work.of(tx -> Touches.households(Set.of(id), Set.of()), tx -> {
            Stored before = stored(tx, id, true);
            tx.requireEditable(before.countyCode());
            long links = links(tx, id);
            if (links > 0) {
                throw Refusal.conflict(null, "ledger.householdHasLinks", links);
            }
            Jdbc.update(tx.connection, "DELETE FROM household WHERE id = ?", List.of(id));
            tx.audit.deleted(RecordType.HOUSEHOLD, id, before.countyCode(), before.auditValues(),
                    AuditTrail.Filed.ALONE);
            return id;
        });
    }

    private static void check(Tx tx, HouseholdDraft draft, long exceptId) throws SQLException {
        tx.requireEditable(draft.countyCode());
        if (draft.members() < 1 || draft.members() > 50) {
            throw Refusal.invalid("members", "household.membersRange");
        }
        List<String> holders = new ArrayList<>();
        query(tx.connection, """
                SELECT c.name FROM household h JOIN county c ON c.code = h.county_code
                WHERE h.registration_no = ? AND h.id <> ?""", List.of(draft.registrationNo(), exceptId),
                row -> holders.add(row.getString(1)));
        if (!holders.isEmpty()) {
            // which county holds a number is personal data of that county's household: only
            // administrators are told; a coordinator learns that it is taken and whom to ask
            throw tx.actor.isAdmin()
                    ? Refusal.invalid("registrationNo", "household.registrationTaken", holders.get(0))
                    : Refusal.invalid("registrationNo", "household.registrationTakenAskAdmin");
        }
    }

    /**
     * @param lock whether to hold the row until the change ends: inside a change, not while it
     *             tells the ledger what it touches (the county locks come first)
     */
    static Stored stored(Tx tx, long id, boolean lock) throws SQLException {
        List<Stored> found = new ArrayList<>();
        query(tx.connection, """
                SELECT id, registration_no, county_code, village, head_name, members, version
                FROM household WHERE id = ?""" + (lock ? " FOR UPDATE" : ""), List.of(id), row -> found.add(new Stored(row.getLong(1),
                row.getString(3), row.getInt(7), values(new HouseholdDraft(row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getInt(6))))));
        if (found.isEmpty()) {
            throw Refusal.conflict(null, "ledger.recordGone");
        }
        return found.get(0);
    }

    /** Whether a closed campaign links the household: its people figure is final. */
    private static boolean linkedToClosed(Tx tx, long householdId) throws SQLException {
        boolean[] found = new boolean[1];
        query(tx.connection, """
                SELECT 1 FROM beneficiary_link b JOIN campaign c ON c.id = b.campaign_id
                WHERE b.household_id = ? AND c.status = 'CLOSED' LIMIT 1""", List.of(householdId),
                row -> found[0] = true);
        return found[0];
    }

    private static long links(Tx tx, long householdId) throws SQLException {
        long[] count = new long[1];
        query(tx.connection, "SELECT COUNT(*) FROM beneficiary_link WHERE household_id = ?", List.of(householdId),
                row -> count[0] = row.getLong(1));
        return count[0];
    }

    static Map<String, Object> values(HouseholdDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("registrationNo", draft.registrationNo());
        values.put("countyCode", draft.countyCode());
        values.put("village", draft.village());
        values.put("headName", draft.headName());
        values.put("members", draft.members());
        return values;
    }
}

package countylive.ledger;

import countylive.campaign.CampaignStatus;
import countylive.campaign.SignOffAction;
import countylive.campaign.SignOffState;
import countylive.web.form.Refusal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sign-off steps: each county's state moves, with one timeline entry per county naming who, when
 * and why. A step changes no figure, but it takes the counties' locks as a change of their data
 * does, so that a save and a submission of one county take turns, and it raises their revision
 * (a cached summary's provisional marks move with it). A county already where the step leads (a
 * form sent twice) is left as it is; any other county the step cannot start from refuses the whole
 * step.
 */
final class SignOffWrites {

    private SignOffWrites() {
    }

    static Work<Integer> step(SignOffChange change) {
        Set<Footprint.Scope> scopes = new TreeSet<>();
        change.countyCodes().forEach(code -> scopes.add(new Footprint.Scope(change.campaignId(), code)));
        return Work.keepingFigures(tx -> Touches.scopes(scopes), tx -> {
            if (change.countyCodes().isEmpty()) {
                throw Refusal.invalid("counties", "signoff.noCounty");
            }
            String reason = change.reason() == null ? "" : change.reason().strip();
            if (change.action().needsReason() && reason.isEmpty()) {
                throw Refusal.invalid("reason", "signoff.reasonRequired");
            }
            if (reason.length() > SignOffAction.REASON_LENGTH) {
                throw Refusal.invalid("reason", "input.tooLong", SignOffAction.REASON_LENGTH);
            }
            if (tx.campaign(change.campaignId()).status() == CampaignStatus.CLOSED) {
                throw Refusal.conflict(null, "ledger.campaignClosed");
            }
            Map<String, Object[]> states = states(tx, change);
            List<String> moving = new ArrayList<>();
            for (Footprint.Scope scope : scopes) {
                Object[] county = states.get(scope.countyCode());
                if (!tx.holds(scope) || county == null) {
                    throw Refusal.invalid("counties", "ledger.countyNotInCampaign");
                }
                if (!change.action().allowedTo(tx.actor, scope.countyCode())) {
                    throw Refusal.conflict(null, "ledger.notYourCounty");
                }
                SignOffState state = (SignOffState) county[0];
                if (state == change.action().leadsTo() && !change.action().startsFrom(state)) {
                    continue;
                }
                if (!change.action().startsFrom(state)) {
                    throw Refusal.conflict(null, "signoff.cannot." + change.action().name(), county[1]);
                }
                moving.add(scope.countyCode());
            }
            for (String code : moving) {
                SignOffState from = (SignOffState) states.get(code)[0];
                Jdbc.update(tx.connection, """
                        UPDATE campaign_county SET sign_off = ?, sign_off_at = ?, sign_off_by = ?
                        WHERE campaign_id = ? AND county_code = ?""", List.of(change.action().leadsTo().name(), tx.now,
                        tx.actor.displayName(), change.campaignId(), code));
                Jdbc.insert(tx.connection, """
                        INSERT INTO sign_off_event (campaign_id, county_code, action, from_state, to_state, user_id,
                                                    user_name, occurred_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Jdbc.values(change.campaignId(), code,
                        change.action().name(), from.name(), change.action().leadsTo().name(),
                        tx.actor.isSystem() ? null : tx.actor.id(), tx.actor.displayName(), tx.now,
                        reason.isEmpty() ? null : reason));
            }
            return moving.size();
        });
    }

    /** county code → {state, name} of the step's counties that take part in the campaign. */
    private static Map<String, Object[]> states(Tx tx, SignOffChange change) throws SQLException {
        Map<String, Object[]> states = new TreeMap<>();
        Jdbc.queryIn(tx.connection, """
                SELECT cc.county_code, cc.sign_off, c.name FROM campaign_county cc JOIN county c ON c.code = cc.county_code
                WHERE cc.campaign_id = ? AND cc.county_code IN (?*)""", List.of(change.campaignId()),
                change.countyCodes(), row -> states.put(row.getString(1),
                        new Object[] {SignOffState.valueOf(row.getString(2)), row.getString(3)}));
        return states;
    }
}

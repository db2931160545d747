package countylive.ledger;

import countylive.campaign.SignOffState;
import countylive.campaign.SignOffs;
import countylive.web.form.Refusal;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-off's hold on the data: no change to a campaign county's data once its figures are
 * accepted, and none by its coordinator while they are submitted. It reads the states of the
 * campaign counties a change holds locked, so a transition (which updates the same rows) cannot
 * slip in between the check and the commit.
 */
final class SignOffRule {

    private SignOffRule() {
    }

    /** @throws Refusal naming the first county held back, when and by whom, and whom to ask */
    static void require(Tx tx) throws SQLException {
        for (Footprint.Scope scope : tx.locked()) {
            List<Object[]> found = new ArrayList<>();
            Jdbc.query(tx.connection, """
                    SELECT cc.sign_off, cc.sign_off_at, cc.sign_off_by, c.name
                    FROM campaign_county cc JOIN county c ON c.code = cc.county_code
                    WHERE cc.campaign_id = ? AND cc.county_code = ?""", List.of(scope.campaignId(), scope.countyCode()),
                    row -> found.add(new Object[] {SignOffState.valueOf(row.getString(1)),
                            row.getObject(2, LocalDateTime.class), row.getString(3), row.getString(4)}));
            if (found.isEmpty()) {
                continue;
            }
            SignOffState state = (SignOffState) found.get(0)[0];
            if (state.holdsBack(tx.actor)) {
                LocalDateTime at = (LocalDateTime) found.get(0)[1];
                String by = (String) found.get(0)[2];
                throw Refusal.conflict(null, SignOffs.heldBackKey(state), found.get(0)[3],
                        at == null ? "" : at.format(SignOffs.DAY), by == null ? "" : by);
            }
        }
    }
}

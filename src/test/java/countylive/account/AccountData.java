package countylive.account;

import countylive.support.Fixtures;

/** Named test data for account tests, on top of {@link Fixtures}. */
final class AccountData {

    static final String YINGSHAN = "421124";
    static final String XINGSHAN = "420526";
    static final String ANXI = "350524";

    private AccountData() {
    }

    static String id(Fixtures fixtures, String username) {
        return fixtures.value("SELECT id FROM app_user WHERE username = ?", username);
    }

    static String counties(Fixtures fixtures, String username) {
        return String.join(" ", fixtures.column("SELECT uc.county_code FROM user_county uc "
                + "JOIN app_user u ON u.id = uc.user_id WHERE u.username = ? ORDER BY uc.county_code", username));
    }

    static String sessions(Fixtures fixtures, String username) {
        return fixtures.value("SELECT COUNT(*) FROM login_session s JOIN app_user u ON u.id = s.user_id "
                + "WHERE u.username = ?", username);
    }

    /** The audit entries of an account, oldest first, as "ACTION by changes". */
    static java.util.List<String> audit(Fixtures fixtures, String accountId) {
        return fixtures.column("SELECT CONCAT(action, ' by ', username, ' ', changes) FROM audit_event "
                + "WHERE entity_type = 'account' AND entity_id = ? ORDER BY id", accountId);
    }
}

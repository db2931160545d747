package countylive.integrity;

/** Who is missing and who is no longer there: counties nobody can enter for, accounts nobody uses. */
final class AccountChecks {

    /** How long an enabled account may go without a login before it is listed. */
    static final int DORMANT_DAYS = 90;

    /** A county of an open (planned or active) campaign whose sessions no enabled coordinator can enter. */
    static final SqlCheck COUNTIES_WITHOUT_COORDINATOR = new SqlCheck("countiesWithoutCoordinator", Severity.WARNING,
            "/counties/%s", """
            SELECT cc.county_code, c.name, co.name
            FROM campaign_county cc JOIN campaign c ON c.id = cc.campaign_id JOIN county co ON co.code = cc.county_code
            WHERE c.status <> 'CLOSED'
              AND NOT EXISTS (SELECT 1 FROM user_county uc JOIN app_user u ON u.id = uc.user_id
                              WHERE uc.county_code = cc.county_code AND u.role = 'COORDINATOR' AND u.enabled)
            ORDER BY c.id, cc.county_code""");

    /** An account never used counts from its creation. */
    static final SqlCheck DORMANT_ACCOUNTS = new SqlCheck("dormantAccounts", Severity.INFO, "/accounts/%s", """
            SELECT u.id, u.username, u.role, COALESCE(DATE_FORMAT(u.last_login_at, '%%Y-%%m-%%d'), '-')
            FROM app_user u
            WHERE u.enabled AND COALESCE(u.last_login_at, u.created_at) < NOW() - INTERVAL %d DAY
            ORDER BY COALESCE(u.last_login_at, u.created_at), u.id""".formatted(DORMANT_DAYS));

    private AccountChecks() {
    }
}

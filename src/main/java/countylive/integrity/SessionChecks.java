package countylive.integrity;

/**
 * Sessions whose entry was left unfinished. A coordinator enters a session's sales and audience
 * after it ended; a day later they should be there.
 */
final class SessionChecks {

    /** Campaign, county and start of a session, the arguments every finding here shows. */
    private static final String SESSION = """
            SELECT s.id, c.name, co.name, DATE_FORMAT(s.starts_at, '%Y-%m-%d %H:%i')
            FROM live_session s JOIN campaign c ON c.id = s.campaign_id JOIN county co ON co.code = s.county_code""";

    static final SqlCheck WITHOUT_SALES = new SqlCheck("sessionsWithoutSales", Severity.WARNING, "/sessions/%s/sales",
            SESSION + """
                     WHERE s.ends_at < NOW() - INTERVAL 1 DAY
                      AND NOT EXISTS (SELECT 1 FROM sale_line l WHERE l.session_id = s.id)
                    ORDER BY s.starts_at, s.id""");

    static final SqlCheck WITHOUT_AUDIENCE = new SqlCheck("sessionsWithoutAudience", Severity.INFO, "/sessions/%s/edit",
            SESSION + """
                     WHERE s.ends_at < NOW() - INTERVAL 1 DAY
                      AND s.views IS NULL AND s.unique_viewers IS NULL AND s.peak_viewers IS NULL
                    ORDER BY s.starts_at, s.id""");

    private SessionChecks() {
    }
}

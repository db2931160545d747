package countylive.access;

/** What a user may do; see docs/security.md for the whole matrix. */
public enum Role {
    /** Sets up campaigns, counties, partners and accounts; may do everything. */
    ADMIN,
    /** Enters sessions, sales and households for the counties assigned to them. */
    COORDINATOR,
    /** Reads every campaign and county and downloads workbooks; changes nothing. */
    ASSOCIATION
}

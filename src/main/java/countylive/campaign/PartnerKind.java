package countylive.campaign;

/** What kind of organisation stands behind a campaign. */
public enum PartnerKind {
    PLATFORM, ASSOCIATION, SOCIETY, GOVERNMENT, OTHER
}

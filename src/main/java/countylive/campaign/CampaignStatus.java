package countylive.campaign;

/** Where a campaign stands. A closed campaign's data are final: nothing in it changes. */
public enum CampaignStatus {
    PLANNED, ACTIVE, CLOSED
}

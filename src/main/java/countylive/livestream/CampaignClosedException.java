package countylive.livestream;

/** The campaign is closed: its sessions, sales and beneficiary links no longer change. */
public class CampaignClosedException extends RuntimeException {

    public CampaignClosedException() {
        super("campaign closed", null, false, false);
    }
}

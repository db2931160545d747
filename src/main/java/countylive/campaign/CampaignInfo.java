package countylive.campaign;

import java.time.LocalDate;

/** A campaign as other features need it: to label it, to check dates and whether it is closed. */
public record CampaignInfo(long id, String name, LocalDate startsOn, LocalDate endsOn, CampaignStatus status,
                           boolean closed) {

    static CampaignInfo of(Campaign campaign) {
        return new CampaignInfo(campaign.id(), campaign.name(), campaign.startsOn(), campaign.endsOn(),
                campaign.status(), campaign.status() == CampaignStatus.CLOSED);
    }

    /** Whether a day lies within the campaign's period (both ends included). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}

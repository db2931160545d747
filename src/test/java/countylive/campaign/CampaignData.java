package countylive.campaign;

import countylive.support.Fixtures;

import java.util.UUID;

/** Named builders for campaigns and what hangs off them, straight into the database. */
public final class CampaignData {

    private final Fixtures fixtures;

    public CampaignData(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** The 2020 county-chief tea campaign, with the given counties taking part. */
    public long teaCampaign(String name, String status, String... countyCodes) {
        fixtures.execute("INSERT INTO campaign (name, theme, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES (?, '茶叶', '2020-04-02', '2020-05-24', ?, NOW(), NOW())", name, status);
        long id = Long.parseLong(fixtures.value("SELECT id FROM campaign WHERE name = ?", name));
        for (String code : countyCodes) {
            fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, ?)", id, code);
        }
        return id;
    }

    /** A session of the campaign in the county on 2020-04-10. */
    public long session(long campaignId, String countyCode) {
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                + "created_at, updated_at) VALUES (?, ?, 'DOUYIN', '2020-04-10', '2020-04-10 19:00:00', "
                + "'2020-04-10 21:00:00', NOW(), NOW())", campaignId, countyCode);
        return Long.parseLong(fixtures.value("SELECT MAX(id) FROM live_session"));
    }

    /** A registered household of the county linked to the campaign. */
    public long beneficiaryLink(long campaignId, String countyCode) {
        String registration = UUID.randomUUID().toString().substring(0, 18);
        fixtures.execute("INSERT INTO household (registration_no, county_code, village, head_name, members, "
                + "created_at, updated_at) VALUES (?, ?, '石镇村', '王某', 4, NOW(), NOW())", registration, countyCode);
        String household = fixtures.value("SELECT id FROM household WHERE registration_no = ?", registration);
        fixtures.execute("INSERT INTO beneficiary_link (campaign_id, household_id, county_code, income, created_at, "
                + "updated_at) VALUES (?, ?, ?, 1000, NOW(), NOW())", campaignId, household, countyCode);
        return Long.parseLong(fixtures.value("SELECT MAX(id) FROM beneficiary_link"));
    }
}

package countylive.livestream;

import countylive.support.Fixtures;

/**
 * Named builders for the records other features maintain (campaigns, their counties, hosts,
 * officials, products), written straight into the database for entry tests.
 */
public final class EntryData {

    public static final String YINGSHAN = "421124";
    public static final String XINGSHAN = "420526";

    private final Fixtures fixtures;

    public EntryData(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** The 2020 tea campaign (2 April - 24 May), active, with Yingshan and Xingshan taking part. */
    public long teaCampaign() {
        long id = campaign("县长来直播·春茶季", "2020-04-02", "2020-05-24", "ACTIVE");
        county(id, YINGSHAN);
        county(id, XINGSHAN);
        return id;
    }

    public long campaign(String name, String startsOn, String endsOn, String status) {
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, NOW(), NOW())", name, startsOn, endsOn, status);
        return id("SELECT id FROM campaign WHERE name = ?", name);
    }

    public void county(long campaignId, String countyCode) {
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, ?)", campaignId, countyCode);
    }

    public void close(long campaignId) {
        fixtures.execute("UPDATE campaign SET status = 'CLOSED' WHERE id = ?", campaignId);
    }

    public long host(String name, String handle) {
        fixtures.execute("INSERT INTO host (name, platform, handle, created_at, updated_at) VALUES (?, 'DOUYIN', ?, NOW(), NOW())",
                name, handle);
        return id("SELECT id FROM host WHERE platform = 'DOUYIN' AND handle = ?", handle);
    }

    public long official(String name, String title, String countyCode) {
        fixtures.execute("INSERT INTO official (name, title, county_code, created_at, updated_at) VALUES (?, ?, ?, NOW(), NOW())",
                name, title, countyCode);
        return id("SELECT MAX(id) FROM official WHERE name = ?", name);
    }

    /** A product with a reference price in yuan (null for none). */
    public long product(String name, String countyCode, String referencePrice) {
        fixtures.execute("INSERT INTO product (name, category, unit, reference_price, county_code, created_at, updated_at) "
                + "VALUES (?, '茶叶', '盒', ?, ?, NOW(), NOW())", name, referencePrice, countyCode);
        return id("SELECT id FROM product WHERE county_code = ? AND name = ?", countyCode, name);
    }

    /** A session on the given day, 19:00-21:00, with no audience figures. */
    public long session(long campaignId, String countyCode, String day) {
        fixtures.execute("INSERT INTO live_session (campaign_id, county_code, platform, live_date, starts_at, ends_at, "
                        + "created_at, updated_at) VALUES (?, ?, 'DOUYIN', ?, ?, ?, NOW(), NOW())",
                campaignId, countyCode, day, day + " 19:00:00", day + " 21:00:00");
        return id("SELECT MAX(id) FROM live_session WHERE campaign_id = ? AND county_code = ?", campaignId, countyCode);
    }

    public void saleLine(long sessionId, long productId, long units, long orders, String gross) {
        fixtures.execute("INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, units, orders, "
                        + "gross, refunds, created_at, updated_at) SELECT id, campaign_id, county_code, live_date, ?, ?, ?, ?, 0, "
                        + "NOW(), NOW() FROM live_session WHERE id = ?",
                productId, units, orders, gross, sessionId);
    }

    public long household(String registrationNo, String countyCode, String headName) {
        fixtures.execute("INSERT INTO household (registration_no, county_code, village, head_name, members, created_at, "
                + "updated_at) VALUES (?, ?, '石镇村', ?, 4, NOW(), NOW())", registrationNo, countyCode, headName);
        return id("SELECT id FROM household WHERE registration_no = ?", registrationNo);
    }

    public long link(long campaignId, long householdId, String countyCode, String income) {
        fixtures.execute("INSERT INTO beneficiary_link (campaign_id, household_id, county_code, income, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, NOW(), NOW())", campaignId, householdId, countyCode, income);
        return id("SELECT MAX(id) FROM beneficiary_link WHERE household_id = ?", householdId);
    }

    private long id(String sql, Object... parameters) {
        return Long.parseLong(fixtures.value(sql, parameters));
    }
}

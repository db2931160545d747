package countylive.livestream;

import countylive.host.Platform;
import countylive.ledger.HouseholdDraft;
import countylive.ledger.LineFigures;
import countylive.ledger.LinkDraft;
import countylive.ledger.SalesGrid;
import countylive.ledger.SessionDraft;
import countylive.support.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named builders for entry tests: the records other features maintain (campaigns, their counties,
 * hosts, officials, products) written straight into the database, and sessions, sale lines,
 * households and links written through the ledger, as the application writes them.
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

    /** A session on the given day, 19:00-21:00, with no audience figures, with the given hosts. */
    public long session(long campaignId, String countyCode, String day, long... hosts) {
        LocalDate date = LocalDate.parse(day);
        Set<Long> hostIds = new java.util.LinkedHashSet<>();
        for (long host : hosts) {
            hostIds.add(host);
        }
        return fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaignId, countyCode, Platform.DOUYIN,
                date.atTime(19, 0), date.atTime(21, 0), null, null, null, null, hostIds, Set.of(), null), null);
    }

    /** A sale line (no refunds), added to the session's other lines as the grid would save it. */
    public void saleLine(long sessionId, long productId, long units, long orders, String gross) {
        sell(sessionId, productId, new LineFigures(units, orders, new BigDecimal(gross), BigDecimal.ZERO.setScale(2)));
    }

    /** The session's line of the product set to these figures, its other lines kept. */
    public void sell(long sessionId, long productId, LineFigures figures) {
        Map<Long, LineFigures> lines = new HashMap<>();
        for (String row : fixtures.column("SELECT CONCAT_WS(' ', product_id, units, orders, gross, refunds) FROM sale_line"
                + " WHERE session_id = ?", sessionId)) {
            String[] f = row.split(" ");
            lines.put(Long.valueOf(f[0]), new LineFigures(Long.parseLong(f[1]), Long.parseLong(f[2]), new BigDecimal(f[3]),
                    new BigDecimal(f[4])));
        }
        lines.put(productId, figures);
        int version = Integer.parseInt(fixtures.value("SELECT version FROM live_session WHERE id = ?", sessionId));
        // test data says what it means: any warning and any sale on another county's behalf are confirmed
        fixtures.ledger().saveSales(Fixtures.LOADER, new SalesGrid(sessionId, version, lines, lines.keySet(),
                lines.keySet()), null);
    }

    public long household(String registrationNo, String countyCode, String headName) {
        return household(registrationNo, countyCode, headName, 4);
    }

    public long household(String registrationNo, String countyCode, String headName, int members) {
        return fixtures.ledger().createHousehold(Fixtures.LOADER,
                new HouseholdDraft(registrationNo, countyCode, "石镇村", headName, members), null);
    }

    /** A household's link to a campaign, without a product. */
    public long link(long campaignId, long householdId, String countyCode, String income) {
        return linkThrough(campaignId, householdId, null, income);
    }

    public long linkThrough(long campaignId, long householdId, Long productId, String income) {
        return fixtures.ledger().createLink(Fixtures.LOADER, householdId,
                new LinkDraft(campaignId, productId, new BigDecimal(income)), null);
    }

    private long id(String sql, Object... parameters) {
        return Long.parseLong(fixtures.value(sql, parameters));
    }
}

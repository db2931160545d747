package countylive.summary;

import countylive.host.Platform;
import countylive.ledger.HouseholdDraft;
import countylive.ledger.LineFigures;
import countylive.ledger.LinkDraft;
import countylive.ledger.SessionDraft;
import countylive.livestream.EntryData;
import countylive.support.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Named builders for summary tests: campaigns, partners, people and products on plain SQL through
 * {@link Fixtures#execute}; sessions, sale lines, households and links through the ledger, which
 * keeps the rollups the summaries read.
 */
final class SummaryData {

    private static final String NOW = "2021-01-01 00:00:00";
    private final Fixtures fixtures;

    SummaryData(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    long campaign(String name, String startsOn, String endsOn, String targetGross, Integer targetPeople) {
        fixtures.execute("INSERT INTO campaign (name, starts_on, ends_on, status, target_gross, target_people,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?)", name, startsOn, endsOn,
                targetGross == null ? null : new BigDecimal(targetGross), targetPeople, NOW, NOW);
        return id("SELECT id FROM campaign WHERE name = ?", name);
    }

    long partner(long campaign, String name, String kind) {
        fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)", name, kind, NOW, NOW);
        long id = id("SELECT id FROM partner WHERE name = ?", name);
        fixtures.execute("INSERT INTO campaign_partner (campaign_id, partner_id) VALUES (?, ?)", campaign, id);
        return id;
    }

    void county(long campaign, String code, boolean poverty) {
        fixtures.execute("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?, ?)", campaign, code);
        // the flag as the test says, whatever the 832 counties' migration set; no exit year
        fixtures.execute("UPDATE county SET poverty_county = ?, poverty_exit_year = NULL WHERE code = ?", poverty, code);
    }

    long official(String name, String county) {
        fixtures.execute("INSERT INTO official (name, title, county_code, created_at, updated_at) VALUES (?, '县长', ?, ?, ?)",
                name, county, NOW, NOW);
        return id("SELECT MAX(id) FROM official WHERE name = ?", name);
    }

    long host(String name) {
        fixtures.execute("INSERT INTO host (name, platform, handle, created_at, updated_at) VALUES (?, 'DOUYIN', ?, ?, ?)",
                name, "h_" + name, NOW, NOW);
        return id("SELECT id FROM host WHERE handle = ?", "h_" + name);
    }

    long product(String name, String county) {
        fixtures.execute("INSERT INTO product (name, category, unit, county_code, created_at, updated_at)"
                + " VALUES (?, '茶叶', '盒', ?, ?, ?)", name, county, NOW, NOW);
        return id("SELECT id FROM product WHERE name = ? AND county_code = ?", name, county);
    }

    /** A session; views, unique viewers and peak may be null (not reported). */
    long session(long campaign, String county, String day, String from, String to, Long views, Long unique, Long peak,
                 long[] hosts, long[] officials) {
        LocalDate date = LocalDate.parse(day);
        return fixtures.ledger().createSession(Fixtures.LOADER, new SessionDraft(campaign, county, Platform.DOUYIN,
                date.atTime(LocalTime.parse(from)), date.atTime(LocalTime.parse(to)), views, unique, peak, null,
                ids(hosts), ids(officials), null), null);
    }

    void sale(long session, long product, long units, long orders, String gross, String refunds) {
        new EntryData(fixtures).sell(session, product, new LineFigures(units, orders, new BigDecimal(gross),
                new BigDecimal(refunds).setScale(2)));
    }

    long household(String registration, String county, int members) {
        return fixtures.ledger().createHousehold(Fixtures.LOADER,
                new HouseholdDraft(registration, county, "一组", "某某", members), null);
    }

    /** A link of the household to the campaign through the product (null: none); the county is the household's. */
    void link(long campaign, long household, String county, Long product) {
        fixtures.ledger().createLink(Fixtures.LOADER, household, new LinkDraft(campaign, product,
                new BigDecimal("100.00")), null);
    }

    private static Set<Long> ids(long[] values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (long value : values) {
            ids.add(value);
        }
        return ids;
    }

    private long id(String sql, Object... parameters) {
        return Long.parseLong(fixtures.value(sql, parameters));
    }
}

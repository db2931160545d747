package countylive.account;

import countylive.livestream.EntryData;
import countylive.support.Fixtures;

/**
 * Records of Anxi (安溪县 350524), a county the test coordinator of Yingshan does not have: a
 * campaign only Anxi takes part in, its session with a sale line, a household with a link, and
 * Anxi's reference data. Each builder names its records after a key, so that a test can build
 * several independent sets (e.g. one to read and one to delete).
 */
final class OtherCountyData {

    static final String ANXI = "350524";
    static final String HEAD_NAME = "陈阿婆";

    private final Fixtures fixtures;
    private final EntryData data;

    OtherCountyData(Fixtures fixtures) {
        this.fixtures = fixtures;
        this.data = new EntryData(fixtures);
    }

    /** An active campaign in which only Anxi takes part. */
    long campaign(String key) {
        String name = "安溪铁观音专场·" + key;
        if (!fixtures.column("SELECT id FROM campaign WHERE name = ?", name).isEmpty()) {
            return Long.parseLong(fixtures.value("SELECT id FROM campaign WHERE name = ?", name));
        }
        long id = data.campaign(name, "2020-04-02", "2020-05-24", "ACTIVE");
        data.county(id, ANXI);
        return id;
    }

    /** An Anxi product. */
    long product(String key) {
        String name = "安溪铁观音·" + key;
        if (!fixtures.column("SELECT id FROM product WHERE county_code = ? AND name = ?", ANXI, name).isEmpty()) {
            return Long.parseLong(fixtures.value("SELECT id FROM product WHERE county_code = ? AND name = ?", ANXI, name));
        }
        return data.product(name, ANXI, "120.00");
    }

    /** A session of the key's campaign in Anxi, with a sale line of the key's product. */
    long session(String key) {
        long session = data.session(campaign(key), ANXI, "2020-04-10");
        data.saleLine(session, product(key), 10, 8, "1200.00");
        return session;
    }

    /** An Anxi household, its head named {@link #HEAD_NAME}, registration number "3505240" + a number. */
    long household(String key) {
        return data.household(registrationNo(key), ANXI, HEAD_NAME);
    }

    static String registrationNo(String key) {
        return "3505240" + Math.abs(key.hashCode() % 100000);
    }

    /** A link of the key's household to the key's campaign. */
    long link(String key) {
        long household = Long.parseLong(fixtures.column("SELECT id FROM household WHERE registration_no = ?",
                registrationNo(key)).stream().findFirst().orElseGet(() -> String.valueOf(household(key))));
        return data.link(campaign(key), household, ANXI, "800.00");
    }

    long host(String key) {
        return data.host("主播" + key, "anxi-" + key);
    }

    long official(String key) {
        return data.official("安溪县长" + key, "县长", ANXI);
    }

    long partner(String key) {
        fixtures.execute("INSERT INTO partner (name, kind, created_at, updated_at) VALUES (?, 'ASSOCIATION', NOW(), NOW())",
                "中国茶叶流通协会·" + key);
        return Long.parseLong(fixtures.value("SELECT id FROM partner WHERE name = ?", "中国茶叶流通协会·" + key));
    }

    /** A marked-up refused upload kept for an Anxi coordinator; returns its download token. */
    String rejection(String key) {
        long user = fixtures.coordinatorOf("anxi-" + key, ANXI);
        String token = (key + "-".repeat(43)).substring(0, 43);
        fixtures.execute("INSERT INTO sale_import_rejection (token, user_id, file_name, content, created_at) "
                + "VALUES (?, ?, 'marked_anxi.xlsx', ?, NOW())", token, user, new byte[]{1, 2, 3});
        return token;
    }
}

package countylive.ledger;

import countylive.web.form.Refusal;

import countylive.audit.AuditTrail;
import countylive.audit.RecordType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static countylive.ledger.Jdbc.batch;
import static countylive.ledger.Jdbc.queryIn;

/**
 * A {@link CampaignLoad}: the same rows, rules and audit entries as the users' changes, written
 * in batches, with the audit entries written as it goes so that a large load holds little in memory.
 */
final class LoadWrites {

    /** Sessions whose lines are written, and audit entries flushed, together. */
    private static final int SESSIONS_PER_ROUND = 200;

    private LoadWrites() {
    }

    static Work<Integer> load(CampaignLoad load) {
        return Work.of(tx -> touches(load), tx -> {
            checkPeople(tx, load);
            for (int from = 0; from < load.sessions().size(); from += SESSIONS_PER_ROUND) {
                sessions(tx, load.sessions().subList(from, Math.min(load.sessions().size(), from + SESSIONS_PER_ROUND)));
                tx.audit.write();
            }
            households(tx, load);
            return load.sessions().size();
        });
    }

    /** The campaign counties of the load's sessions and households. */
    private static Touches touches(CampaignLoad load) {
        Set<Footprint.Scope> scopes = new TreeSet<>();
        load.sessions().forEach(s -> scopes.add(new Footprint.Scope(load.campaignId(), s.draft().countyCode())));
        load.households().forEach(h -> scopes.add(new Footprint.Scope(load.campaignId(), h.draft().countyCode())));
        return Touches.scopes(scopes);
    }

    private static void sessions(Tx tx, List<CampaignLoad.Session> sessions) throws SQLException {
        Map<Long, LineWriter.Session> written = new LinkedHashMap<>();
        List<LineWriter.Put> puts = new ArrayList<>();
        Set<Long> productIds = new HashSet<>();
        for (CampaignLoad.Session session : sessions) {
            SessionDraft draft = session.draft();
            if (draft.newHost() != null) {
                throw new IllegalArgumentException("a load makes its hosts before its sessions");
            }
            SessionWrites.checkPlaceAndTime(tx, draft);
            long id = SessionWrites.insert(tx, draft, draft.hostIds());
            written.put(id, new LineWriter.Session(id, draft.campaignId(), draft.countyCode(), draft.liveDate()));
            session.lines().forEach((product, figures) -> {
                SaleLineRules.check(figures, null);
                puts.add(new LineWriter.Put(id, product, figures));
                productIds.add(product);
            });
        }
        Map<Long, LineWriter.Product> products = LineWriter.products(tx, productIds);
        if (products.size() != productIds.size()) {
            throw Refusal.invalid(null, "excel.import.productUnknown");
        }
        LineWriter.put(tx, written, SalesWrites.counties(products), puts, null);
    }

    /** Officials of the sessions' own counties, as the session form requires; hosts and officials that exist. */
    private static void checkPeople(Tx tx, CampaignLoad load) throws SQLException {
        Set<Long> officials = new HashSet<>();
        load.sessions().forEach(s -> officials.addAll(s.draft().officialIds()));
        Map<Long, String> counties = new HashMap<>();
        queryIn(tx.connection, "SELECT id, county_code FROM official WHERE id IN (?*)", officials,
                row -> counties.put(row.getLong(1), row.getString(2)));
        for (CampaignLoad.Session session : load.sessions()) {
            for (long official : session.draft().officialIds()) {
                if (!session.draft().countyCode().equals(counties.get(official))) {
                    throw Refusal.invalid("officials", "session.officialOfOtherCounty");
                }
            }
        }
    }

    private static void households(Tx tx, CampaignLoad load) throws SQLException {
        List<CampaignLoad.Household> households = load.households();
        Set<Long> linkedProducts = new HashSet<>();
        households.forEach(h -> h.links().forEach(link -> {
            if (link.productId() != null) {
                linkedProducts.add(link.productId());
            }
        }));
        Map<Long, String> productCounties = SalesWrites.counties(LineWriter.products(tx, linkedProducts));
        for (CampaignLoad.Household household : households) {
            HouseholdDraft draft = household.draft();
            tx.requireEditable(draft.countyCode());
            if (draft.members() < 1 || draft.members() > 50) {
                throw Refusal.invalid("members", "household.membersRange");
            }
            if (!household.links().isEmpty()) {
                tx.requireTakesPart(load.campaignId(), draft.countyCode(), "county");
                tx.requireOpen(load.campaignId());
            }
            // the link form's rules: a product of the household's county, each product once
            Set<Long> seen = new HashSet<>();
            for (LinkDraft link : household.links()) {
                if (link.productId() != null && !draft.countyCode().equals(productCounties.get(link.productId()))) {
                    throw Refusal.invalid("product", "input.choice");
                }
                if (!seen.add(link.productId() == null ? -1 : link.productId())) {
                    throw Refusal.invalid("product", "household.linkExists");
                }
                if (link.income().signum() < 0) {
                    throw Refusal.invalid("income", "input.negative");
                }
            }
        }
        batch(tx.connection, """
                INSERT INTO household (registration_no, county_code, village, head_name, members, version, created_at,
                                       updated_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?)""", households, h -> List.of(h.draft().registrationNo(),
                h.draft().countyCode(), h.draft().village(), h.draft().headName(), h.draft().members(), tx.now, tx.now));
        // their ids, by their registration numbers (which are unique)
        Map<String, Long> ids = new HashMap<>();
        queryIn(tx.connection, "SELECT registration_no, id FROM household WHERE registration_no IN (?*)",
                households.stream().map(h -> h.draft().registrationNo()).toList(),
                row -> ids.put(row.getString(1), row.getLong(2)));
        List<Object[]> links = new ArrayList<>();
        for (CampaignLoad.Household household : households) {
            HouseholdDraft draft = household.draft();
            long id = ids.get(draft.registrationNo());
            tx.changedHouseholds.add(id);
            tx.audit.created(RecordType.HOUSEHOLD, id, draft.countyCode(), HouseholdWrites.values(draft), AuditTrail.Filed.ALONE);
            for (LinkDraft link : household.links()) {
                if (link.campaignId() != load.campaignId()) {
                    throw new IllegalArgumentException("a load links its households to its own campaign");
                }
                links.add(new Object[] {id, draft.countyCode(), link});
            }
        }
        batch(tx.connection, """
                INSERT INTO beneficiary_link (campaign_id, household_id, county_code, product_id, income, version,
                                              created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?)""", links, l -> Jdbc.values(load.campaignId(), l[0], l[1],
                ((LinkDraft) l[2]).productId(), ((LinkDraft) l[2]).income(), tx.now, tx.now));
        queryIn(tx.connection, """
                SELECT id, household_id, county_code, product_id, income FROM beneficiary_link
                WHERE campaign_id = ? AND household_id IN (?*)""", List.of(load.campaignId()), ids.values(),
                row -> tx.audit.created(RecordType.BENEFICIARY_LINK, row.getLong(1), row.getString(3),
                        LinkWrites.auditValues(row.getLong(2), new LinkDraft(load.campaignId(),
                                Jdbc.nullableLong(row, 4), row.getBigDecimal(5))),
                        AuditTrail.Filed.under(RecordType.HOUSEHOLD, row.getLong(2))));
        tx.audit.write();
    }
}

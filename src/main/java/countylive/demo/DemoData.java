package countylive.demo;

import countylive.access.CurrentUser;
import countylive.campaign.CampaignStatus;
import countylive.host.Platform;
import countylive.campaign.SignOffAction;
import countylive.ledger.CampaignLoad;
import countylive.ledger.SignOffChange;
import countylive.ledger.HouseholdDraft;
import countylive.ledger.Ledger;
import countylive.ledger.LineFigures;
import countylive.ledger.LinkDraft;
import countylive.ledger.SessionDraft;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The illustrative campaigns of demo mode (countylive.demo, on with the embedded database): the
 * 2020 spring tea campaign and the Hubei one-day campaign, with totals equal to the published
 * ones and invented detail beneath. Made once, in one transaction, from a fixed seed, so every
 * demo installation shows the same figures. The campaigns, their partners, hosts, officials and
 * products are written here; their sessions, sale lines and households go through the ledger,
 * like anyone's, and each campaign is closed once it is complete.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 20200402L;

    private static final CurrentUser LOADER = CurrentUser.system("demo");

    private final TransactionOperations<Connection> transactions;
    private final Ledger ledger;
    private final boolean demo;
    private final Clock clock;

    DemoData(TransactionOperations<Connection> transactions, Ledger ledger, Clock clock,
             @Value("${countylive.demo:false}") boolean demo) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
        this.demo = demo;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (demo && load()) {
            LOG.info("Demo mode: created the illustrative tea and Hubei campaigns, and one running now");
        }
    }

    /** Creates the demo campaigns in a database without campaigns or products; true when it made them. */
    public synchronized boolean load() {
        // one transaction: the ledger's loads join it, so a failure leaves no half-made demo
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (exists(connection)) {
                return false;
            }
            Loader loader = new Loader(connection, new Random(SEED), now(), ledger);
            loader.campaign(DemoCampaigns.TEA);
            loader.campaign(DemoCampaigns.HUBEI);
            loader.running(LocalDate.now(clock));
            return true;
        });
    }

    /** The id of a demo campaign by its name, for tests and links. */
    public static String teaCampaignName() {
        return DemoCampaigns.TEA_NAME;
    }

    public static String hubeiCampaignName() {
        return DemoCampaigns.HUBEI_NAME;
    }

    public static String runningCampaignName() {
        return RunningCampaign.NAME;
    }

    /**
     * Whether the database holds campaign data already: the demo is loaded only into an empty
     * one, as it makes its own products, hosts and officials and would clash with others' names.
     */
    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM campaign) OR EXISTS (SELECT 1 FROM product)");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }

    /** One load: the shared hosts, officials and products are made once and reused by both campaigns. */
    private static final class Loader {
        private final Connection connection;
        private final Random random;
        private final Timestamp now;
        private final Ledger ledger;
        private final Map<String, Long> officials = new HashMap<>();
        private final Map<String, List<Long>> products = new HashMap<>();
        private List<Long> hosts;

        Loader(Connection connection, Random random, Timestamp now, Ledger ledger) {
            this.connection = connection;
            this.random = random;
            this.now = now;
            this.ledger = ledger;
        }

        void campaign(DemoCampaigns.Plan plan) throws SQLException {
            if (hosts == null) {
                hosts = hosts();
            }
            long campaignId = insertOne("INSERT INTO campaign (name, theme, starts_on, ends_on, status, description,"
                            + " target_gross, target_people, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,0,?,?)",
                    plan.name(), plan.theme(), plan.startsOn(), plan.endsOn(), CampaignStatus.ACTIVE, plan.description(),
                    plan.targetGross(), plan.targetPeople(), now, now);
            List<Object[]> rows = new ArrayList<>();
            for (String partner : plan == DemoCampaigns.TEA
                    ? List.of("抖音:PLATFORM", "中国茶叶流通协会:ASSOCIATION", "中国茶叶学会:SOCIETY")
                    : List.of("抖音:PLATFORM")) {
                String[] nameKind = partner.split(":");
                rows.add(new Object[] {campaignId, partner(nameKind[0], nameKind[1])});
            }
            batch("INSERT INTO campaign_partner (campaign_id, partner_id) VALUES (?,?)", rows);
            rows.clear();
            for (DemoCampaigns.County county : plan.counties()) {
                rows.add(new Object[] {campaignId, county.code()});
            }
            batch("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?,?)", rows);
            if (plan.poverty()) {
                for (DemoCampaigns.County county : plan.counties()) {
                    update("UPDATE county SET poverty_county = TRUE WHERE code = ?", county.code());
                }
            }
            for (int i = 0; i < plan.counties().size(); i++) {
                DemoCampaigns.County county = plan.counties().get(i);
                officialOf(county.code(), officials.size());
                productsOf(county);
            }
            List<CampaignLoad.Session> sessions = sessions(plan, campaignId);
            List<CampaignLoad.Household> households = plan.people() > 0 ? households(plan, campaignId) : List.of();
            ledger.load(LOADER, new CampaignLoad(campaignId, sessions, households));
            // complete: the demo campaigns are the final figures of campaigns that have ended, every
            // county's figures submitted and accepted
            Set<String> codes = new TreeSet<>();
            plan.counties().forEach(county -> codes.add(county.code()));
            ledger.signOff(LOADER, new SignOffChange(campaignId, SignOffAction.SUBMIT, codes, null));
            ledger.signOff(LOADER, new SignOffChange(campaignId, SignOffAction.ACCEPT, codes, null));
            update("UPDATE campaign SET status = ? WHERE id = ?", CampaignStatus.CLOSED, campaignId);
        }

        /**
         * The campaign still running, made after the published ones from their counties' officials,
         * products and hosts; left open, its counties' figures not yet submitted.
         */
        void running(LocalDate today) throws SQLException {
            long campaignId = insertOne("INSERT INTO campaign (name, theme, starts_on, ends_on, status, description,"
                            + " version, created_at, updated_at) VALUES (?,?,?,?,?,?,0,?,?)",
                    RunningCampaign.NAME, RunningCampaign.THEME, RunningCampaign.startsOn(today),
                    RunningCampaign.endsOn(today), CampaignStatus.ACTIVE, RunningCampaign.DESCRIPTION, now, now);
            update("INSERT INTO campaign_partner (campaign_id, partner_id) VALUES (?,?)", campaignId, partner("抖音", "PLATFORM"));
            List<Object[]> counties = new ArrayList<>();
            for (DemoCampaigns.County county : RunningCampaign.COUNTIES) {
                counties.add(new Object[] {campaignId, county.code()});
                officialOf(county.code(), officials.size());
                productsOf(county);
            }
            batch("INSERT INTO campaign_county (campaign_id, county_code) VALUES (?,?)", counties);
            List<CampaignLoad.Session> sessions = new ArrayList<>();
            for (int i = 0; i < RunningCampaign.SESSIONS.size(); i++) {
                RunningCampaign.Session session = RunningCampaign.SESSIONS.get(i);
                LocalDateTime starts = today.minusDays(session.daysAgo()).atTime(session.starts());
                RunningCampaign.Audience audience = session.audience();
                SessionDraft draft = new SessionDraft(campaignId, session.countyCode(), Platform.DOUYIN, starts,
                        starts.plusMinutes(session.minutes()), audience == null ? null : audience.views(),
                        audience == null ? null : audience.uniqueViewers(), audience == null ? null : audience.peakViewers(),
                        audience == null ? null : audience.newFollowers(), Set.of(hosts.get(i % hosts.size())),
                        Set.of(officials.get(session.countyCode())), null);
                Map<Long, LineFigures> lines = new LinkedHashMap<>();
                for (RunningCampaign.Sale sale : session.sales()) {
                    lines.put(products.get(session.countyCode()).get(sale.product()), new LineFigures(sale.units(),
                            sale.orders(), sale.grossAmount(), sale.refundAmount()));
                }
                sessions.add(new CampaignLoad.Session(draft, lines));
            }
            ledger.load(LOADER, new CampaignLoad(campaignId, sessions, List.of()));
        }

        private List<Long> hosts() throws SQLException {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < DemoCampaigns.HOSTS; i++) {
                String name = DemoCampaigns.SURNAMES[(i * 5 + 3) % DemoCampaigns.SURNAMES.length] + "小"
                        + DemoCampaigns.GIVEN[(i * 11 + 2) % DemoCampaigns.GIVEN.length].charAt(1);
                rows.add(new Object[] {name, Platform.DOUYIN, "demo_host_" + (i + 1),
                        10_000L + random.nextInt(5_000_000), now, now});
            }
            return batch("INSERT INTO host (name, platform, handle, followers, version, created_at, updated_at)"
                    + " VALUES (?,?,?,?,0,?,?)", rows);
        }

        private long partner(String name, String kind) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM partner WHERE name = ?")) {
                statement.setString(1, name);
                try (ResultSet found = statement.executeQuery()) {
                    if (found.next()) {
                        return found.getLong(1);
                    }
                }
            }
            return insertOne("INSERT INTO partner (name, kind, version, created_at, updated_at) VALUES (?,?,0,?,?)",
                    name, kind, now, now);
        }

        private void officialOf(String countyCode, int index) throws SQLException {
            if (!officials.containsKey(countyCode)) {
                String name = DemoCampaigns.SURNAMES[index % DemoCampaigns.SURNAMES.length]
                        + DemoCampaigns.GIVEN[(index * 7 + 1) % DemoCampaigns.GIVEN.length];
                officials.put(countyCode, insertOne("INSERT INTO official (name, title, county_code, version,"
                        + " created_at, updated_at) VALUES (?,?,?,0,?,?)", name, "县长", countyCode, now, now));
            }
        }

        private void productsOf(DemoCampaigns.County county) throws SQLException {
            if (products.containsKey(county.code())) {
                return;
            }
            boolean tea = county.tea().endsWith("茶") || county.tea().contains("茶") || county.tea().endsWith("片")
                    || county.tea().endsWith("兰") || county.tea().endsWith("红") || county.tea().endsWith("尖")
                    || county.tea().endsWith("芽") || county.tea().endsWith("茗");
            String category = tea ? "茶叶" : "农特产品";
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {county.tea(), category, "盒", price(60, 160), county.code(), now, now});
            rows.add(new Object[] {county.tea() + "礼盒装", category, "盒", price(120, 260), county.code(), now, now});
            products.put(county.code(), batch("INSERT INTO product (name, category, unit, reference_price,"
                    + " county_code, version, created_at, updated_at) VALUES (?,?,?,?,?,0,?,?)", rows));
        }

        private BigDecimal price(int low, int high) {
            return BigDecimal.valueOf(low + random.nextInt(high - low)).add(new BigDecimal("0.90"));
        }

        /** Sessions per county spread over the period, each selling its county's products. */
        private List<CampaignLoad.Session> sessions(DemoCampaigns.Plan plan, long campaignId) {
            int days = (int) (plan.endsOn().toEpochDay() - plan.startsOn().toEpochDay()) + 1;
            int count = plan.counties().size() * plan.sessionsPerCounty();
            double[] weights = new double[count];
            for (int i = 0; i < count; i++) {
                weights[i] = 0.4 + random.nextDouble();
            }
            long[] views = Allocation.split(plan.views(), weights, 1);
            List<SessionDraft> drafts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String county = plan.counties().get(i % plan.counties().size()).code();
                int round = i / plan.counties().size();
                // each county's sessions in separate stretches of the period, at different evening hours
                int slot = days / plan.sessionsPerCounty();
                LocalDate day = plan.startsOn().plusDays(Math.min(days - 1, round * slot + random.nextInt(Math.max(1, slot))));
                LocalDateTime starts = day.atTime(9 + random.nextInt(12), random.nextBoolean() ? 0 : 30);
                LocalDateTime ends = starts.plusMinutes(90 + 30L * random.nextInt(4));
                long unique = Math.round(views[i] * (0.55 + random.nextDouble() * 0.2));
                long peak = Math.max(1, Math.round(views[i] * (0.03 + random.nextDouble() * 0.04)));
                drafts.add(new SessionDraft(campaignId, county, Platform.DOUYIN, starts, ends, views[i], unique, peak,
                        Math.round(views[i] * 0.01), Set.of(), Set.of(officials.get(county)), null));
            }
            List<SessionDraft> withHosts = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                SessionDraft draft = drafts.get(i);
                int first = i % hosts.size();
                Set<Long> sessionHosts = new LinkedHashSet<>(List.of(hosts.get(first)));
                if (random.nextInt(3) == 0) {
                    sessionHosts.add(hosts.get((first + 1 + random.nextInt(hosts.size() - 1)) % hosts.size()));
                }
                withHosts.add(new SessionDraft(draft.campaignId(), draft.countyCode(), draft.platform(), draft.startsAt(),
                        draft.endsAt(), draft.views(), draft.uniqueViewers(), draft.peakViewers(), draft.newFollowers(),
                        sessionHosts, draft.officialIds(), null));
            }
            return saleLines(plan, withHosts);
        }

        /** Every session sells its county's products; units and gross split exactly to the totals. */
        private List<CampaignLoad.Session> saleLines(DemoCampaigns.Plan plan, List<SessionDraft> sessions) {
            record Line(int session, long product) {
            }
            List<Line> lines = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                for (long product : products.get(sessions.get(s).countyCode())) {
                    lines.add(new Line(s, product));
                }
            }
            double[] unitWeights = new double[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                unitWeights[i] = 0.3 + random.nextDouble();
            }
            long[] units = Allocation.split(plan.units(), unitWeights, 1);
            double[] grossWeights = new double[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                grossWeights[i] = units[i] * (0.8 + random.nextDouble() * 0.4);
            }
            long fen = plan.gross().movePointRight(2).longValueExact();
            long[] gross = Allocation.split(fen, grossWeights, 100);
            List<Map<Long, LineFigures>> figures = new ArrayList<>();
            sessions.forEach(session -> figures.add(new LinkedHashMap<>()));
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                long orders = Math.max(1, Math.round(units[i] * (0.7 + random.nextDouble() * 0.25)));
                long refundFen = Math.round(gross[i] * random.nextDouble() * 0.03);
                figures.get(line.session()).put(line.product(), new LineFigures(units[i], Math.min(orders, units[i]),
                        BigDecimal.valueOf(gross[i], 2), BigDecimal.valueOf(refundFen, 2)));
            }
            List<CampaignLoad.Session> result = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                result.add(new CampaignLoad.Session(sessions.get(s), figures.get(s)));
            }
            return result;
        }

        /**
         * Households whose members add up exactly to the plan's people; every fourth household is
         * linked through both of its county's products (and still counts once).
         */
        private List<CampaignLoad.Household> households(DemoCampaigns.Plan plan, long campaignId) {
            List<CampaignLoad.Household> households = new ArrayList<>();
            long remaining = plan.people();
            int n = 0;
            while (remaining > 0) {
                int members = (int) Math.min(remaining, 1 + random.nextInt(6));
                remaining -= members;
                String county = plan.counties().get(n % plan.counties().size()).code();
                String surname = DemoCampaigns.SURNAMES[random.nextInt(DemoCampaigns.SURNAMES.length)];
                households.add(new CampaignLoad.Household(new HouseholdDraft(String.format("DEMO%s%05d", county, n + 1),
                        county, "演示村" + (1 + random.nextInt(12)) + "组", surname + "某某", members), new ArrayList<>()));
                n++;
            }
            for (int i = 0; i < households.size(); i++) {
                CampaignLoad.Household household = households.get(i);
                List<Long> countyProducts = products.get(household.draft().countyCode());
                int linked = i % 4 == 0 ? 2 : 1;
                for (int k = 0; k < linked; k++) {
                    household.links().add(new LinkDraft(campaignId, countyProducts.get((i + k) % 2),
                            BigDecimal.valueOf(20_000 + random.nextInt(300_000), 2)));
                }
            }
            return households;
        }

        private long insertOne(String sql, Object... values) throws SQLException {
            List<Object[]> rows = new ArrayList<>();
            rows.add(values);
            return batch(sql, rows).get(0);
        }

        private void update(String sql, Object... values) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                statement.executeUpdate();
            }
        }

        /** Batched inserts; the generated keys in the order of the rows (empty for tables without one). */
        private List<Long> batch(String sql, List<Object[]> rows) throws SQLException {
            List<Long> ids = new ArrayList<>();
            if (rows.isEmpty()) {
                return ids;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (Object[] row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return ids;
        }

        private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                statement.setObject(i + 1, value instanceof LocalDate date ? java.sql.Date.valueOf(date)
                        : value instanceof Enum<?> constant ? constant.name() : value);
            }
        }
    }
}

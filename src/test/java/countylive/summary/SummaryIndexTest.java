package countylive.summary;

import countylive.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXPLAIN on every statement the summary and the overview run, with enough rows that the
 * optimizer's choice means something: the summary reads the rollups through their keys (a range
 * of the campaign's part of county_day_sales, host_sales, official_sales, product_sales and
 * county_people; session_sales by its primary key), and live_session and sale_line only for a
 * date range below the grain of a rollup, then through one of their indexes, never by a full
 * scan. The overview reads neither live_session nor sale_line, only county_sales for its sales.
 */
@MicronautTest(transactional = false)
class SummaryIndexTest {

    /** Alias in the summary's statements, and the keys it may be read through. */
    static final Map<String, Set<String>> ROLLUP_KEYS = Map.of(
            "d", Set.of("PRIMARY", "ix_county_day_sales_day"),
            "x", Set.of("PRIMARY"),
            "ps", Set.of("PRIMARY"),
            "pd", Set.of("PRIMARY"),
            "pw", Set.of("PRIMARY"),
            "cp", Set.of("PRIMARY"),
            "t", Set.of("PRIMARY"),
            "ss", Set.of("PRIMARY"));
    static final Set<String> LIVE_SESSION_INDEXES = Set.of("ix_live_session_campaign_county",
            "ix_live_session_campaign_day", "ix_live_session_campaign_start", "PRIMARY");
    static final Set<String> SALE_LINE_INDEXES = Set.of("ix_sale_line_campaign_county", "ix_sale_line_campaign_day",
            "ix_sale_line_campaign_product", "ix_sale_line_session_scope", "uq_sale_line_session_product");

    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    SummaryQueries queries;
    @Inject
    OverviewQueries overview;

    long campaign;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.clean();
        BenchData data = new BenchData(fixtures.dataSource(), fixtures.ledger(), 7);
        // 30 counties x 20 sessions x 10 products = 6,000 lines, and a second campaign beside it
        campaign = data.campaign("索引", LocalDate.of(2021, 3, 1), 30, 30, 0, 20, 10, 300);
        data.campaign("另一个", LocalDate.of(2021, 5, 1), 10, 20, 100, 10, 10, 100);
    }

    @AfterEach
    void tearDown() {
        sql.listen(null);
        fixtures.clean();
    }

    @Test
    void summaryQueriesReadTheRollupsAndSaleLinesThroughTheirIndexes() throws Exception {
        List<Map.Entry<String, List<Object>>> statements = new ArrayList<>();
        sql.listen((text, parameters) -> statements.add(Map.entry(text, parameters)));
        LocalDate start = LocalDate.of(2021, 3, 1);
        LocalDate end = LocalDate.of(2021, 3, 30);
        for (SummaryFilter filter : List.of(
                SummaryFilter.whole(campaign, start, end),
                new SummaryFilter(campaign, LocalDate.of(2021, 3, 5), LocalDate.of(2021, 3, 11), null, start, end),
                new SummaryFilter(campaign, start, end, "110000", start, end),
                // two whole weeks (Monday 8 to Sunday 21 March) and a day on each side
                new SummaryFilter(campaign, LocalDate.of(2021, 3, 7), LocalDate.of(2021, 3, 22), null, start, end))) {
            queries.headline(filter);
            queries.byCounty(filter);
            queries.byHost(filter);
            queries.byOfficial(filter);
            queries.byProduct(filter, 10);
            queries.byDay(filter);
            queries.sessions(filter);
        }
        sql.listen(null);

        Map<String, Integer> checked = new java.util.HashMap<>();
        for (var statement : statements) {
            String where = statement.getKey();
            for (String[] row : explain(statement.getKey(), statement.getValue())) {
                String table = row[0];
                String type = row[1];
                String key = row[2];
                if ("l".equals(table)) {
                    assertFalse("ALL".equals(type), "full scan of sale_line in " + where);
                    assertTrue(SALE_LINE_INDEXES.contains(key), "sale_line read through " + key + " in " + where);
                    checked.merge("sale_line", 1, Integer::sum);
                } else if ("s".equals(table)) {
                    assertFalse("ALL".equals(type) || "index".equals(type), "full scan of live_session in " + where);
                    assertTrue(LIVE_SESSION_INDEXES.contains(key), "live_session read through " + key + " in " + where);
                    checked.merge("live_session", 1, Integer::sum);
                } else if (ROLLUP_KEYS.containsKey(table)) {
                    assertFalse("ALL".equals(type) || "index".equals(type), "full scan of " + table + " in " + where);
                    assertTrue(ROLLUP_KEYS.get(table).contains(key), table + " read through " + key + " in " + where);
                    checked.merge(table, 1, Integer::sum);
                }
            }
        }
        // sale_line: never (the products of a date range read their rollup per day)
        assertEquals(0, statements.stream().filter(s -> s.getKey().contains("sale_line")).count());
        assertEquals(null, checked.get("sale_line"), "reads " + checked);
        // live_session: the session list of each filter only
        assertEquals(4, checked.get("live_session"), "reads " + checked);
        // county_day_sales: headline, counties and days of each filter
        assertEquals(12, checked.get("d"), "reads " + checked);
        // host_sales and official_sales (without a date range) or host_day_sales and official_day_sales
        // (with one): list and count of each, for each filter
        assertEquals(16, checked.get("x"), "reads " + checked);
        assertEquals(2, checked.get("ps"), "reads " + checked);
        // product_day_sales: the week's days, and the two days around the whole weeks of the last filter
        assertEquals(3, checked.get("pd"), "reads " + checked);
        assertEquals(1, checked.get("pw"), "reads " + checked);
        assertEquals(8, checked.get("cp"), "reads " + checked);
        assertEquals(4, checked.get("t"), "reads " + checked);
        // session_sales: no longer read by the summary (the rollups per day hold the sessions' sales)
        assertEquals(null, checked.get("ss"), "reads " + checked);
    }

    @Test
    void overviewReadsTheRollupsNotSessionsOrSaleLines() {
        List<String> statements = new ArrayList<>();
        sql.listen((text, parameters) -> statements.add(text));
        overview.campaigns(false);
        overview.provinces(false);
        overview.national(false);
        sql.listen(null);
        assertEquals(3, statements.size());
        for (String statement : statements) {
            assertFalse(statement.contains("sale_line") || statement.contains("live_session"), statement);
            // a row per campaign county, not one per county and day
            assertTrue(statement.contains("county_sales"), statement);
            assertFalse(statement.contains("county_day_sales"), statement);
        }
    }

    /** The plan of a statement: table, access type and key of each row. */
    private List<String[]> explain(String statement, List<Object> parameters) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = fixtures.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                explain.setObject(i + 1, value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value);
            }
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    rows.add(new String[] {plan.getString("table"), plan.getString("type"), plan.getString("key")});
                }
            }
        }
        return rows;
    }
}

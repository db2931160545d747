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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXPLAIN on every statement the summary and the overview run, with enough rows that the
 * optimizer's choice means something: sale_line is never read by a full table scan, always
 * through one of its indexes.
 */
@MicronautTest(transactional = false)
class SummaryIndexTest {

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
        BenchData data = new BenchData(fixtures.dataSource(), 7);
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
    void summaryQueriesReadSaleLinesThroughTheirIndexes() throws Exception {
        List<Map.Entry<String, List<Object>>> statements = new ArrayList<>();
        sql.listen((text, parameters) -> statements.add(Map.entry(text, parameters)));
        LocalDate start = LocalDate.of(2021, 3, 1);
        LocalDate end = LocalDate.of(2021, 3, 30);
        for (SummaryFilter filter : List.of(
                SummaryFilter.whole(campaign, start, end),
                new SummaryFilter(campaign, LocalDate.of(2021, 3, 5), LocalDate.of(2021, 3, 11), null, start, end),
                new SummaryFilter(campaign, start, end, "110000", start, end))) {
            queries.headline(filter);
            queries.byCounty(filter);
            queries.byHost(filter);
            queries.byOfficial(filter);
            queries.byProduct(filter, 10);
            queries.byDay(filter);
            queries.sessions(filter);
        }
        overview.campaigns();
        overview.provinces();
        overview.national();
        sql.listen(null);

        int checked = 0;
        try (Connection connection = fixtures.dataSource().getConnection()) {
            for (var statement : statements) {
                if (!statement.getKey().contains("sale_line")) {
                    continue;
                }
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.getKey())) {
                    List<Object> parameters = statement.getValue();
                    for (int i = 0; i < parameters.size(); i++) {
                        Object value = parameters.get(i);
                        explain.setObject(i + 1, value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value);
                    }
                    try (ResultSet plan = explain.executeQuery()) {
                        while (plan.next()) {
                            String table = plan.getString("table");
                            if ("l".equals(table) || "sale_line".equals(table)) {
                                String where = statement.getKey();
                                assertFalse("ALL".equals(plan.getString("type")), "full scan of sale_line in " + where);
                                assertTrue(SALE_LINE_INDEXES.contains(plan.getString("key")),
                                        "sale_line read through " + plan.getString("key") + " in " + where);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 20, "checked " + checked + " reads of sale_line");
    }
}

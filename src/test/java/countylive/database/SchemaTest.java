package countylive.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import countylive.support.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SchemaTest {

    @Inject
    Fixtures fixtures;

    /** The rollups' writers rely on it (docs/data-model.md, "Rollups"). */
    @Test
    void transactionsReadCommitted() throws java.sql.SQLException {
        try (java.sql.Connection connection = fixtures.dataSource().getConnection()) {
            assertEquals(java.sql.Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
        }
    }

    @Test
    void migrationsApplyToAnEmptyDatabase() {
        List<String> applied = strings("SELECT CONCAT(version, ':', success) FROM flyway_schema_history "
                + "WHERE version IS NOT NULL ORDER BY installed_rank");
        assertTrue(applied.size() >= 2, "migrations applied: " + applied);
        assertEquals("1:1", applied.get(0));
        assertEquals("2:1", applied.get(1));
        assertTrue(applied.stream().allMatch(v -> v.endsWith(":1")), "every migration succeeded: " + applied);
    }

    @Test
    void everyTableHasAPrimaryKey() {
        List<String> tables = strings("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'");
        assertTrue(tables.size() >= 23, "tables: " + tables);
        List<String> withoutKey = strings("""
                SELECT t.table_name FROM information_schema.tables t
                WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                  AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                    AND c.constraint_type = 'PRIMARY KEY')""");
        assertEquals(List.of(), withoutKey);
    }

    @Test
    void noTriggersOrStoredRoutines() {
        assertEquals("0", strings("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()").get(0));
        assertEquals("0", strings("SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = DATABASE()").get(0));
    }

    @Test
    void moneyIsDecimalWithFen() {
        List<String> money = strings("""
                SELECT CONCAT(table_name, '.', column_name, ' ', column_type) FROM information_schema.columns
                WHERE table_schema = DATABASE()
                  AND column_name IN ('gross', 'refunds', 'gross_with_views', 'income', 'reference_price', 'target_gross')""");
        // sale_line's, beneficiary_link.income, campaign.target_gross, product.reference_price, and the
        // rollups': session_sales, product_sales, host_sales, official_sales, host_day_sales,
        // official_day_sales, product_day_sales, product_week_sales (2 each), county_day_sales, county_sales (3 each)
        assertEquals(27, money.size(), money.toString());
        assertTrue(money.stream().allMatch(c -> c.endsWith("decimal(14,2)")), money.toString());
    }

    @Test
    void regionDataIsComplete() {
        assertEquals("31", strings("SELECT COUNT(*) FROM province").get(0));
        assertEquals("342", strings("SELECT COUNT(*) FROM prefecture").get(0));
        assertEquals("2978", strings("SELECT COUNT(*) FROM county").get(0));
        assertEquals(List.of("北京市"), strings("SELECT name FROM province WHERE code = '110000'"));
        assertEquals(List.of("东城区 110100 110000"),
                strings("SELECT CONCAT(name, ' ', prefecture_code, ' ', province_code) FROM county WHERE code = '110101'"));
        assertEquals(List.of("南山区"), strings("SELECT name FROM county WHERE code = '440305'"));
        assertEquals(List.of("英山县 421100 420000"),
                strings("SELECT CONCAT(name, ' ', prefecture_code, ' ', province_code) FROM county WHERE code = '421124'"));
        assertEquals(List.of("白沙黎族自治县"), strings("SELECT name FROM county WHERE code = '469025'"));
        // every county sits in a prefecture of its own province
        assertEquals("0", strings("""
                SELECT COUNT(*) FROM county c JOIN prefecture p ON p.code = c.prefecture_code
                WHERE p.province_code <> c.province_code""").get(0));
    }

    private List<String> strings(String sql) {
        return fixtures.column(sql);
    }
}

package countylive.household;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LinkRepository extends CrudRepository<BeneficiaryLink, Long> {

    @Introspected
    record LinkRow(long id, long campaignId, String campaignName, String campaignStatus, @Nullable Long productId,
                   @Nullable String productName, BigDecimal income) {
        public boolean closed() {
            return "CLOSED".equals(campaignStatus);
        }
    }

    @Introspected
    record Option(long id, String name, String status) {
    }

    @Query(value = """
            SELECT l.id, l.campaign_id, c.name AS campaign_name, c.status AS campaign_status, l.product_id,
                   p.name AS product_name, l.income
            FROM beneficiary_link l JOIN campaign c ON c.id = l.campaign_id LEFT JOIN product p ON p.id = l.product_id
            WHERE l.household_id = :householdId ORDER BY c.starts_on DESC, l.id""", readOnly = true)
    List<LinkRow> linksOf(long householdId);

    /** The campaigns a county takes part in. */
    @Query(value = """
            SELECT c.id, c.name, c.status FROM campaign c JOIN campaign_county cc ON cc.campaign_id = c.id
            WHERE cc.county_code = :countyCode ORDER BY c.starts_on DESC, c.id DESC""", readOnly = true)
    List<Option> campaignsOf(String countyCode);

    @Query(value = "SELECT id, name, county_code AS status FROM product WHERE county_code = :countyCode ORDER BY name, id",
            readOnly = true)
    List<Option> productsOf(String countyCode);

    /** Whether the household is linked to the campaign through the same product (or both without one). */
    @Query(value = """
            SELECT COUNT(*) FROM beneficiary_link WHERE campaign_id = :campaignId AND household_id = :householdId
            AND product_id <=> :productId AND id <> :exceptId""", readOnly = true)
    long countSame(long campaignId, long householdId, @Nullable Long productId, long exceptId);
}

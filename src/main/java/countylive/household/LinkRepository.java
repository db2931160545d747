package countylive.household;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import countylive.campaign.CampaignStatus;

import java.math.BigDecimal;
import java.util.List;

/** Beneficiary links as the household pages read them; every change goes through countylive.ledger.Ledger. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LinkRepository extends GenericRepository<BeneficiaryLink, Long> {

    java.util.Optional<BeneficiaryLink> findById(long id);

    @Introspected
    record LinkRow(long id, long campaignId, String campaignName, CampaignStatus campaignStatus,
                   @Nullable Long productId, @Nullable String productName, BigDecimal income) {
        public boolean closed() {
            return campaignStatus == CampaignStatus.CLOSED;
        }
    }

    /** A campaign or product to choose; {@code status} is a campaign's, blank for a product. */
    @Introspected
    record Option(long id, String name, String status) {
        public boolean closed() {
            return CampaignStatus.CLOSED.name().equals(status);
        }
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

    @Query(value = "SELECT id, name, '' AS status FROM product WHERE county_code = :countyCode ORDER BY name, id",
            readOnly = true)
    List<Option> productsOf(String countyCode);
}

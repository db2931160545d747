package countylive.sale;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** Sale lines and products as the grid reads them; every change goes through countylive.ledger.Ledger. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SaleLineRepository extends GenericRepository<SaleLine, Long> {

    /** A product as the grid shows it (read from the products table, maintained elsewhere). */
    @Introspected
    record ProductRow(long id, String name, String unit, @Nullable BigDecimal referencePrice, String countyCode,
                      String countyName) {
    }

    List<SaleLine> findBySessionId(long sessionId);

    @Query(value = """
            SELECT p.id, p.name, p.unit, p.reference_price, p.county_code, c.name AS county_name
            FROM product p JOIN county c ON c.code = p.county_code
            WHERE p.county_code = :countyCode ORDER BY p.name, p.id""", readOnly = true)
    List<ProductRow> productsOf(String countyCode);

    @Query(value = """
            SELECT p.id, p.name, p.unit, p.reference_price, p.county_code, c.name AS county_name
            FROM product p JOIN county c ON c.code = p.county_code
            WHERE p.id IN (:ids) ORDER BY p.county_code, p.name, p.id""", readOnly = true)
    List<ProductRow> productsById(Collection<Long> ids);

    /** The products a session may sell on behalf of another county. */
    @Query(value = """
            SELECT p.id, p.name, p.unit, p.reference_price, p.county_code, c.name AS county_name
            FROM product p JOIN county c ON c.code = p.county_code
            WHERE p.county_code <> :countyCode ORDER BY p.county_code, p.name, p.id LIMIT 2000""", readOnly = true)
    List<ProductRow> productsNotOf(String countyCode);
}

package countylive.sale;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SaleLineRepository extends CrudRepository<SaleLine, Long> {

    /** A product as the grid shows it (read from the products table, maintained elsewhere). */
    @Introspected
    record ProductRow(long id, String name, String unit, @Nullable BigDecimal referencePrice, String countyCode,
                      String countyName) {
    }

    /** An audit entry of a sale line, as stored. */
    @Introspected
    record AuditRow(long id, java.time.LocalDateTime occurredAt, String username, String action, String entityType,
                    String entityId, @Nullable String countyCode, String changes) {
    }

    List<SaleLine> findBySessionId(long sessionId);

    /**
     * The audit trail of every line a session ever had, deleted ones included: a line is known by
     * the session id its creation recorded ({@code createdMarker} matches that entry's changes).
     */
    @Query(value = """
            SELECT e.id, e.occurred_at, e.username, e.action, e.entity_type, e.entity_id, e.county_code, e.changes
            FROM audit_event e
            WHERE e.entity_type = 'sale_line' AND e.entity_id IN (
                SELECT c.entity_id FROM audit_event c
                WHERE c.entity_type = 'sale_line' AND c.action = 'CREATE' AND c.changes LIKE :createdMarker)
            ORDER BY e.occurred_at DESC, e.id DESC LIMIT 200""", readOnly = true)
    List<AuditRow> history(String createdMarker);

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

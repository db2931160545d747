package countylive.audit;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends GenericRepository<AuditEvent, Long> {

    @Introspected
    record Row(long id, LocalDateTime occurredAt, String username, String action, String entityType,
               String entityId, @Nullable String countyCode, String changes) {
    }

    @Query("""
            INSERT INTO audit_event (occurred_at, user_id, username, action, entity_type, entity_id, county_code, changes)
            VALUES (:occurredAt, :userId, :username, :action, :entityType, :entityId, :countyCode, :changes)""")
    void insert(LocalDateTime occurredAt, Long userId, String username, String action, String entityType,
                String entityId, @Nullable String countyCode, String changes);

    @Query(value = """
            SELECT id, occurred_at, username, action, entity_type, entity_id, county_code, changes
            FROM audit_event WHERE entity_type = :entityType AND entity_id = :entityId
            ORDER BY occurred_at DESC, id DESC LIMIT 200""", readOnly = true)
    List<Row> findHistory(String entityType, String entityId);
}

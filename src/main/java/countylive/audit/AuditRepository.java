package countylive.audit;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends GenericRepository<AuditEvent, Long> {

    @Introspected
    record Row(long id, LocalDateTime occurredAt, String username, String action, String entityType,
               String entityId, @Nullable String countyCode, String changes, @Nullable String sourceFile) {
    }

    @Query(value = """
            SELECT id, occurred_at, username, action, entity_type, entity_id, county_code, changes, source_file
            FROM audit_event WHERE entity_type = :entityType AND entity_id = :entityId
            ORDER BY occurred_at DESC, id DESC LIMIT 200""", readOnly = true)
    List<Row> findHistory(String entityType, String entityId);

    @Query(value = """
            SELECT id, occurred_at, username, action, entity_type, entity_id, county_code, changes, source_file
            FROM audit_event WHERE scope_type = :scopeType AND scope_id = :scopeId AND entity_type = :entityType
            ORDER BY occurred_at DESC, id DESC LIMIT 200""", readOnly = true)
    List<Row> findFiledUnder(String scopeType, String scopeId, String entityType);

    /** The trail newest first, each filter applying only when given. */
    @Query(value = """
            SELECT audit_event_.* FROM audit_event audit_event_
            WHERE (:entityType IS NULL OR audit_event_.entity_type = :entityType)
              AND (:entityId IS NULL OR audit_event_.entity_id = :entityId)
              AND (:username IS NULL OR audit_event_.username = :username)
              AND (:fromTime IS NULL OR audit_event_.occurred_at >= :fromTime)
              AND (:beforeTime IS NULL OR audit_event_.occurred_at < :beforeTime)
            ORDER BY audit_event_.occurred_at DESC, audit_event_.id DESC""",
            countQuery = """
            SELECT COUNT(*) FROM audit_event
            WHERE (:entityType IS NULL OR entity_type = :entityType)
              AND (:entityId IS NULL OR entity_id = :entityId)
              AND (:username IS NULL OR username = :username)
              AND (:fromTime IS NULL OR occurred_at >= :fromTime)
              AND (:beforeTime IS NULL OR occurred_at < :beforeTime)""", readOnly = true)
    Page<AuditEvent> browse(@Nullable String entityType, @Nullable String entityId, @Nullable String username,
                            @Nullable LocalDateTime fromTime, @Nullable LocalDateTime beforeTime, Pageable pageable);

    @Query(value = "SELECT DISTINCT entity_type FROM audit_event ORDER BY entity_type", readOnly = true)
    List<String> findEntityTypes();
}

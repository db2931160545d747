package countylive.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A row of audit_event: changes is JSON, {field: [before, after]}. */
@MappedEntity("audit_event")
record AuditEvent(@Id @GeneratedValue @Nullable Long id, LocalDateTime occurredAt, @Nullable Long userId,
                  String username, String action, String entityType, String entityId,
                  @Nullable String countyCode, String changes, @Nullable String scopeType,
                  @Nullable String scopeId, @Nullable String sourceFile) {
}

package countylive.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One entry of the trail, with its changes as {field: [before, after]}; {@code sourceFile} names
 * the import file that made the change, if one did.
 */
public record AuditEntry(long id, LocalDateTime occurredAt, String username, String action, String entityType,
                         String entityId, @Nullable String countyCode, Map<String, List<String>> changes,
                         @Nullable String sourceFile) {
}

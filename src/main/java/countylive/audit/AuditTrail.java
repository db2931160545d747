package countylive.audit;

import countylive.account.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Records who created, changed or deleted a business record, and the field values before and
 * after, in the same transaction as the change itself: no change without its entry.
 */
@Singleton
public class AuditTrail {

    private final AuditRepository events;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditRepository events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void created(CurrentUser user, String entityType, Object entityId, @Nullable String countyCode,
                        Map<String, ?> after) {
        write(user, AuditAction.CREATE, entityType, entityId, countyCode, diff(Map.of(), after));
    }

    /** Writes an entry only when some field changed, with just the fields that did. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void updated(CurrentUser user, String entityType, Object entityId, @Nullable String countyCode,
                        Map<String, ?> before, Map<String, ?> after) {
        Map<String, List<String>> changes = diff(before, after);
        if (!changes.isEmpty()) {
            write(user, AuditAction.UPDATE, entityType, entityId, countyCode, changes);
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void deleted(CurrentUser user, String entityType, Object entityId, @Nullable String countyCode,
                        Map<String, ?> before) {
        write(user, AuditAction.DELETE, entityType, entityId, countyCode, diff(before, Map.of()));
    }

    /**
     * A change whose values must not be kept, such as a password: the field is named, with
     * neither the old nor the new value.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changedWithoutValues(CurrentUser user, String entityType, Object entityId,
                                     @Nullable String countyCode, String field) {
        List<String> noValues = new ArrayList<>(2);
        noValues.add(null);
        noValues.add(null);
        write(user, AuditAction.UPDATE, entityType, entityId, countyCode, Map.of(field, noValues));
    }

    /** A bulk import: one entry for the batch, with its summary as the "after" values. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void imported(CurrentUser user, String entityType, Object batchId, @Nullable String countyCode,
                         Map<String, ?> summary) {
        write(user, AuditAction.IMPORT, entityType, batchId, countyCode, diff(Map.of(), summary));
    }

    public List<AuditEntry> historyOf(String entityType, Object entityId) {
        return events.findHistory(entityType, String.valueOf(entityId)).stream().map(this::entry).toList();
    }

    AuditEntry entry(AuditEvent event) {
        return entry(new AuditRepository.Row(event.id(), event.occurredAt(), event.username(), event.action(),
                event.entityType(), event.entityId(), event.countyCode(), event.changes()));
    }

    AuditEntry entry(AuditRepository.Row row) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> changes = json.readValue(row.changes(), Map.class);
            return new AuditEntry(row.id(), row.occurredAt(), row.username(), row.action(), row.entityType(),
                    row.entityId(), row.countyCode(), changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(CurrentUser user, AuditAction action, String entityType, Object entityId,
                       @Nullable String countyCode, Map<String, List<String>> changes) {
        try {
            events.insert(LocalDateTime.now(clock), user.id(), user.username(), action.name(), entityType,
                    String.valueOf(entityId), countyCode, json.writeValueAsString(changes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {field: [before, after]} for every field whose value differs; absent reads as null. */
    static Map<String, List<String>> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            String old = text(before.get(field));
            String now = text(after.get(field));
            if (!Objects.equals(old, now)) {
                List<String> pair = new ArrayList<>(2);
                pair.add(old);
                pair.add(now);
                changes.put(field, pair);
            }
        }
        return changes;
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }
}

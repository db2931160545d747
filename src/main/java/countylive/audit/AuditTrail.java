package countylive.audit;

import countylive.access.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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

    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, user_id, username, action, entity_type, entity_id, county_code,
                                     changes, scope_type, scope_id, source_file)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The records a summary shows by name or field, whose changes raise the 'master' data version. */
    private static final java.util.Set<RecordType> MASTER_DATA = java.util.EnumSet.of(RecordType.CAMPAIGN,
            RecordType.PARTNER, RecordType.COUNTY, RecordType.HOST, RecordType.OFFICIAL, RecordType.PRODUCT);

    private static final String RAISE_MASTER_VERSION =
            "UPDATE data_version SET version = version + 1 WHERE name = 'master'";

    /**
     * Where an entry is filed besides under its own record, and what made the change: a sale line's
     * entries are filed under its session (the grid shows them), an imported line names its file.
     */
    public record Filed(@Nullable RecordType scopeType, @Nullable Object scopeId, @Nullable String sourceFile) {

        public static final Filed ALONE = new Filed(null, null, null);

        public static Filed under(RecordType scopeType, Object scopeId) {
            return new Filed(scopeType, scopeId, null);
        }

        public Filed from(@Nullable String file) {
            return new Filed(scopeType, scopeId, file);
        }
    }

    /** One entry, ready to be written. */
    private record Event(LocalDateTime occurredAt, @Nullable Long userId, String username, AuditAction action,
                         RecordType type, String entityId, @Nullable String countyCode, String changes, Filed filed) {
    }

    private final AuditRepository events;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final WriteLog writeLog;

    AuditTrail(AuditRepository events, JdbcOperations jdbc, JsonMapper json, Clock clock, WriteLog writeLog) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.writeLog = writeLog;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void created(CurrentUser user, RecordType type, Object entityId, @Nullable String countyCode,
                        Map<String, ?> after) {
        batch(user).created(type, entityId, countyCode, after, Filed.ALONE).write();
    }

    /** Writes an entry only when some field changed, with just the fields that did. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void updated(CurrentUser user, RecordType type, Object entityId, @Nullable String countyCode,
                        Map<String, ?> before, Map<String, ?> after) {
        batch(user).updated(type, entityId, countyCode, before, after, Filed.ALONE).write();
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void deleted(CurrentUser user, RecordType type, Object entityId, @Nullable String countyCode,
                        Map<String, ?> before) {
        batch(user).deleted(type, entityId, countyCode, before, Filed.ALONE).write();
    }

    /**
     * A change whose values must not be kept, such as a password: the field is named, with
     * neither the old nor the new value.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changedWithoutValues(CurrentUser user, RecordType type, Object entityId,
                                     @Nullable String countyCode, String field) {
        List<String> noValues = new ArrayList<>(2);
        noValues.add(null);
        noValues.add(null);
        Batch batch = batch(user);
        batch.add(AuditAction.UPDATE, type, entityId, countyCode, Map.of(field, noValues), Filed.ALONE);
        batch.write();
    }

    /** Entries collected and written together, in one batch of the caller's transaction. */
    public Batch batch(CurrentUser user) {
        return new Batch(user);
    }

    /**
     * A record's entries, newest first, with their values as stored. A page that puts them into
     * its model as {@code history} gets them readable ({@link HistoryModel}); other readers use
     * {@link ReadableHistory}.
     */
    public List<AuditEntry> historyOf(RecordType type, Object entityId) {
        return events.findHistory(type.code(), String.valueOf(entityId)).stream().map(this::entry).toList();
    }

    /** The entries of records of one type filed under another record: a session's sale lines. */
    public List<AuditEntry> historyUnder(RecordType scopeType, Object scopeId, RecordType type) {
        return events.findFiledUnder(scopeType.code(), String.valueOf(scopeId), type.code()).stream()
                .map(this::entry).toList();
    }

    AuditEntry entry(AuditEvent event) {
        return entry(new AuditRepository.Row(event.id(), event.occurredAt(), event.username(), event.action(),
                event.entityType(), event.entityId(), event.countyCode(), event.changes(), event.sourceFile()));
    }

    AuditEntry entry(AuditRepository.Row row) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> changes = json.readValue(row.changes(), Map.class);
            return new AuditEntry(row.id(), row.occurredAt(), row.username(), row.action(), row.entityType(),
                    row.entityId(), row.countyCode(), changes, row.sourceFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries of one user's change, written in one JDBC batch when {@link #write()} is called. */
    public final class Batch {

        private final CurrentUser user;
        private final LocalDateTime now = LocalDateTime.now(clock);
        private final List<Event> events = new ArrayList<>();
        private int written;

        private Batch(CurrentUser user) {
            this.user = user;
        }

        public Batch created(RecordType type, Object entityId, @Nullable String countyCode, Map<String, ?> after,
                             Filed filed) {
            return add(AuditAction.CREATE, type, entityId, countyCode, diff(Map.of(), after), filed);
        }

        /** Adds an entry only when some field changed, with just the fields that did. */
        public Batch updated(RecordType type, Object entityId, @Nullable String countyCode, Map<String, ?> before,
                             Map<String, ?> after, Filed filed) {
            Map<String, List<String>> changes = diff(before, after);
            return changes.isEmpty() ? this : add(AuditAction.UPDATE, type, entityId, countyCode, changes, filed);
        }

        public Batch deleted(RecordType type, Object entityId, @Nullable String countyCode, Map<String, ?> before,
                             Filed filed) {
            return add(AuditAction.DELETE, type, entityId, countyCode, diff(before, Map.of()), filed);
        }

        /** A bulk import: one entry for the file, with its summary as the "after" values. */
        public Batch imported(RecordType type, Object batchId, @Nullable String countyCode, Map<String, ?> summary,
                              @Nullable String sourceFile) {
            return add(AuditAction.IMPORT, type, batchId, countyCode, diff(Map.of(), summary),
                    new Filed(null, null, sourceFile));
        }

        private Batch add(AuditAction action, RecordType type, Object entityId, @Nullable String countyCode,
                          Map<String, List<String>> changes, Filed filed) {
            try {
                events.add(new Event(now, user.isSystem() ? null : user.id(), user.username(), action, type,
                        String.valueOf(entityId), countyCode, json.writeValueAsString(changes), filed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /**
         * Writes what was collected, in the caller's transaction, and logs the records it touched
         * once the transaction commits.
         *
         * @return how many entries this batch has written in all, these included: one per record
         * created, changed or deleted
         */
        public int write() {
            if (events.isEmpty()) {
                return written;
            }
            jdbc.prepareStatement(INSERT, statement -> {
                int inBatch = 0;
                for (Event event : events) {
                    bind(statement, event);
                    statement.addBatch();
                    if (++inBatch == 1000) {
                        statement.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    statement.executeBatch();
                }
                return null;
            });
            if (events.stream().anyMatch(event -> MASTER_DATA.contains(event.type()))) {
                // the summaries show these records' names and fields without a campaign revision
                // changing: their caches are keyed by this version too (docs/architecture.md, "Caches")
                jdbc.prepareStatement(RAISE_MASTER_VERSION, PreparedStatement::executeUpdate);
            }
            writeLog.afterCommit(user.username(), events.stream()
                    .map(event -> new WriteLog.Touched(event.action(), event.type(), event.entityId())).toList());
            written += events.size();
            events.clear();
            return written;
        }
    }

    private static void bind(PreparedStatement statement, Event event) throws SQLException {
        statement.setObject(1, event.occurredAt());
        if (event.userId() == null) {
            statement.setNull(2, Types.BIGINT);
        } else {
            statement.setLong(2, event.userId());
        }
        statement.setString(3, event.username());
        statement.setString(4, event.action().name());
        statement.setString(5, event.type().code());
        statement.setString(6, event.entityId());
        statement.setString(7, event.countyCode());
        statement.setString(8, event.changes());
        Filed filed = event.filed();
        statement.setString(9, filed.scopeType() == null ? null : filed.scopeType().code());
        statement.setString(10, filed.scopeId() == null ? null : String.valueOf(filed.scopeId()));
        String file = filed.sourceFile();
        statement.setString(11, file == null || file.length() <= 200 ? file : file.substring(0, 200));
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
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return String.valueOf(value);
    }
}

package countylive.audit;

import countylive.web.Figures;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns entries of the trail into what a clerk can read: field labels, names instead of ids,
 * codes in words, figures formatted. All entries of a page are named together: one lookup per
 * table for every id they mention, never one per entry.
 */
@Singleton
public class ReadableHistory {

    /**
     * Records whose entries pages show under another record (a session's sale lines, a
     * household's links): each such entry says which record it is about.
     */
    private static final Set<RecordType> SHOWN_UNDER_ANOTHER = EnumSet.of(RecordType.SALE_LINE,
            RecordType.BENEFICIARY_LINK);

    private final RecordNames recordNames;
    private final MessageSource messages;
    private final Figures figures;

    ReadableHistory(RecordNames recordNames, MessageSource messages, Figures figures) {
        this.recordNames = recordNames;
        this.messages = messages;
        this.figures = figures;
    }

    public List<HistoryLine> lines(List<AuditEntry> entries, Locale locale) {
        Map<RecordType, Set<String>> ids = references(entries);
        Names names = ids.isEmpty() ? Names.NONE : recordNames.find(ids);
        ValueText values = new ValueText(locale, messages, figures, names);
        Map<String, String> namedByEntries = namesFromEntries(entries, values);
        return entries.stream().map(entry -> line(entry, values, namedByEntries)).toList();
    }

    /** The label of a stored record type, e.g. for the trail's filter. */
    public String typeLabel(String entityType, Locale locale) {
        return messages.getMessage(AuditedFields.typeKey(entityType), locale).orElse(entityType);
    }

    /** Every id the entries mention, their own records' included, by the type of record it names. */
    static Map<RecordType, Set<String>> references(List<AuditEntry> entries) {
        Map<RecordType, Set<String>> ids = new EnumMap<>(RecordType.class);
        for (AuditEntry entry : entries) {
            RecordType.ofCode(entry.entityType()).filter(RecordNames::named)
                    .ifPresent(type -> add(ids, type, entry.entityId()));
            if (entry.countyCode() != null) {
                add(ids, RecordType.COUNTY, entry.countyCode());
            }
            entry.changes().forEach((field, values) -> AuditedFields.find(entry.entityType(), field)
                    .filter(f -> f.names() != null)
                    .ifPresent(f -> values.stream().filter(Objects::nonNull)
                            .flatMap(ReadableHistory::ids)
                            .forEach(id -> add(ids, f.names(), id))));
        }
        return ids;
    }

    /** The ids of a stored list: "28,29", "420526 421124". */
    static Stream<String> ids(String stored) {
        return Arrays.stream(stored.strip().split("[,，\\s]+")).filter(id -> !id.isEmpty());
    }

    private static void add(Map<RecordType, Set<String>> ids, RecordType type, String id) {
        ids.computeIfAbsent(type, t -> new TreeSet<>()).add(id);
    }

    /**
     * Names of records from their create or delete entries on the page, for records deleted
     * since: a sale line deleted today is still "英山云雾茶" in last week's entries.
     */
    private static Map<String, String> namesFromEntries(List<AuditEntry> entries, ValueText values) {
        Map<String, String> names = new HashMap<>();
        for (AuditEntry entry : entries) {
            List<String> identity = AuditedFields.identity(entry.entityType());
            if (identity.isEmpty() || !entry.changes().keySet().containsAll(identity)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String field : identity) {
                List<String> stored = entry.changes().get(field);
                String value = stored.size() > 1 && stored.get(1) != null ? stored.get(1) : stored.get(0);
                String shown = values.show(AuditedFields.find(entry.entityType(), field).orElseThrow(), value);
                if (shown != null) {
                    parts.add(shown);
                }
            }
            if (!parts.isEmpty()) {
                names.putIfAbsent(key(entry), String.join(" · ", parts));
            }
        }
        return names;
    }

    private static String key(AuditEntry entry) {
        return entry.entityType() + "#" + entry.entityId();
    }

    private HistoryLine line(AuditEntry entry, ValueText values, Map<String, String> namedByEntries) {
        String type = entry.entityType();
        List<HistoryLine.Change> changes = new ArrayList<>();
        entry.changes().entrySet().stream()
                .sorted(Comparator.comparingInt(change -> AuditedFields.position(type, change.getKey())))
                .forEach(change -> changes.add(change(type, change.getKey(), change.getValue(), values)));
        String name = RecordType.ofCode(type).flatMap(t -> values.existingName(t, entry.entityId()))
                .orElse(namedByEntries.get(key(entry)));
        String kind = values.text(AuditedFields.typeKey(type)).orElse(type);
        boolean underAnother = RecordType.ofCode(type).filter(SHOWN_UNDER_ANOTHER::contains).isPresent();
        return new HistoryLine(entry.id(), entry.occurredAt(), entry.username(), entry.action(), type,
                entry.entityId(), kind + " #" + entry.entityId() + (name == null ? "" : " " + name),
                underAnother ? name : null, county(entry, values), fromFile(entry, values), List.copyOf(changes));
    }

    private static HistoryLine.Change change(String type, String field, List<String> stored, ValueText values) {
        AuditedField shape = AuditedFields.find(type, field).orElse(AuditedField.text(field));
        String label = values.text(AuditedFields.labelKey(type, field)).orElse(field);
        String before = stored.isEmpty() ? null : stored.get(0);
        String after = stored.size() < 2 ? null : stored.get(1);
        return new HistoryLine.Change(label, values.show(shape, before), values.show(shape, after),
                before != null || after != null);
    }

    private static @Nullable String county(AuditEntry entry, ValueText values) {
        if (entry.countyCode() == null) {
            return null;
        }
        return values.existingName(RecordType.COUNTY, entry.countyCode()).orElse(entry.countyCode());
    }

    private static @Nullable String fromFile(AuditEntry entry, ValueText values) {
        if (entry.sourceFile() == null || AuditAction.IMPORT.name().equals(entry.action())) {
            return null;
        }
        return values.text("history.fromFile", entry.sourceFile()).orElse(entry.sourceFile());
    }
}

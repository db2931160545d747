package countylive.audit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What the ids in a page's entries stand for: per record type, id → name (absent: the record is gone). */
final class Names {

    static final Names NONE = new Names(Map.of());

    private final Map<RecordType, Map<String, String>> names;

    Names(Map<RecordType, Map<String, String>> names) {
        this.names = names.isEmpty() ? Map.of() : new EnumMap<>(names);
    }

    Optional<String> of(RecordType type, String id) {
        return Optional.ofNullable(names.getOrDefault(type, Map.of()).get(id));
    }
}

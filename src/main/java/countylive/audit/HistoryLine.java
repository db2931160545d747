package countylive.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An entry of the trail as the page shows it, in the reader's language.
 *
 * @param recordType the stored type code, for links that filter the trail by record
 * @param record     the record's kind and id, and its name where it has one: 商品 #84 英山云雾茶
 * @param subject    which record the entry is about, for entries shown under another record: a
 *                   session's sale line by its product, a household's link by its campaign
 * @param county     the county's name (its code if the county is unknown)
 * @param fromFile   "导入 sales.xlsx" for a change an import made
 */
public record HistoryLine(long id, LocalDateTime occurredAt, String username, String action, String recordType,
                          String recordId, String record, @Nullable String subject, @Nullable String county, @Nullable String fromFile,
                          List<Change> changes) {

    /**
     * One field's change: its label and its values as read, null for none.
     *
     * @param recorded false when the trail names the field but keeps neither value (a password)
     */
    public record Change(String label, @Nullable String before, @Nullable String after, boolean recorded) {
    }
}

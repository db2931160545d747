package countylive.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record the audit trail follows. Stored as {@link #code()}, the record's table name,
 * so that an administrator filtering the trail and a reader of the database see the same word.
 */
public enum RecordType {
    ACCOUNT, CAMPAIGN, PARTNER, COUNTY, HOST, OFFICIAL, PRODUCT,
    LIVE_SESSION, SALE_LINE, HOUSEHOLD, BENEFICIARY_LINK, SALE_IMPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordType> ofCode(String code) {
        for (RecordType type : values()) {
            if (type.code().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

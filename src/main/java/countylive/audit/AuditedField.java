package countylive.audit;

import io.micronaut.core.annotation.Nullable;

/**
 * A field some record writes to the trail, and how its stored text reads: the trail keeps every
 * value as a plain string ("150", "DOUYIN", "28,29"), this says whether that is a count, a code
 * with a label, a list of ids to name, and so on.
 *
 * @param labels the message prefix of a code's labels ({@code platform.} for DOUYIN)
 * @param names  the record type an id (or a list of them) points to
 */
record AuditedField(String name, Shape shape, @Nullable String labels, @Nullable RecordType names) {

    enum Shape {
        /** As typed: names, handles, villages, dates (yyyy-MM-dd already). */
        TEXT,
        /** Yuan: ¥ with separators and fen. */
        MONEY,
        /** A whole number, with separators. */
        COUNT,
        /** true / false. */
        YES_NO,
        /** An ISO local date-time, shown to the minute. */
        DATE_TIME,
        /** An enum constant, shown by its label. */
        LABEL,
        /** The id of another record, shown by its name. */
        NAME,
        /** Ids of other records separated by commas or spaces, shown by their names. */
        NAMES
    }

    static AuditedField text(String name) {
        return new AuditedField(name, Shape.TEXT, null, null);
    }

    static AuditedField money(String name) {
        return new AuditedField(name, Shape.MONEY, null, null);
    }

    static AuditedField count(String name) {
        return new AuditedField(name, Shape.COUNT, null, null);
    }

    static AuditedField yesNo(String name) {
        return new AuditedField(name, Shape.YES_NO, null, null);
    }

    static AuditedField dateTime(String name) {
        return new AuditedField(name, Shape.DATE_TIME, null, null);
    }

    static AuditedField label(String name, String labels) {
        return new AuditedField(name, Shape.LABEL, labels, null);
    }

    static AuditedField name(String name, RecordType names) {
        return new AuditedField(name, Shape.NAME, null, names);
    }

    static AuditedField names(String name, RecordType names) {
        return new AuditedField(name, Shape.NAMES, null, names);
    }
}

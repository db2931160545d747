package countylive.audit;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static countylive.audit.AuditedField.count;
import static countylive.audit.AuditedField.dateTime;
import static countylive.audit.AuditedField.label;
import static countylive.audit.AuditedField.money;
import static countylive.audit.AuditedField.name;
import static countylive.audit.AuditedField.names;
import static countylive.audit.AuditedField.text;
import static countylive.audit.AuditedField.yesNo;

/**
 * Every field each kind of record writes to the trail, in the order a reader expects them. The
 * writers live in the feature packages (their {@code auditValues}, the ledger's writes); this
 * list names their fields as plain strings so that the trail needs none of those packages. A
 * field added there without being added here still shows, under its raw name;
 * {@code HistoryPagesTest} catches that for the writers it drives. Each field's label is the
 * message {@code audit.field.<record type>.<field>}.
 */
final class AuditedFields {

    private static final Map<RecordType, Map<String, AuditedField>> FIELDS = new EnumMap<>(RecordType.class);

    static {
        add(RecordType.ACCOUNT, text("username"), text("displayName"), label("role", "role."), yesNo("enabled"),
                names("counties", RecordType.COUNTY), text("password"));
        add(RecordType.CAMPAIGN, text("name"), text("theme"), text("startsOn"), text("endsOn"),
                label("status", "campaign.status."), text("description"), money("targetGross"),
                count("targetPeople"), names("partners", RecordType.PARTNER), names("counties", RecordType.COUNTY));
        add(RecordType.PARTNER, text("name"), label("kind", "partner.kind."));
        add(RecordType.COUNTY, yesNo("povertyCounty"));
        add(RecordType.HOST, text("name"), label("platform", "platform."), text("handle"), count("followers"));
        add(RecordType.OFFICIAL, text("name"), text("title"), name("countyCode", RecordType.COUNTY));
        add(RecordType.PRODUCT, text("name"), text("category"), text("unit"), money("referencePrice"),
                name("countyCode", RecordType.COUNTY), text("producer"));
        add(RecordType.LIVE_SESSION, name("campaignId", RecordType.CAMPAIGN), name("countyCode", RecordType.COUNTY),
                label("platform", "platform."), dateTime("startsAt"), dateTime("endsAt"),
                names("hosts", RecordType.HOST), names("officials", RecordType.OFFICIAL), count("views"),
                count("uniqueViewers"), count("peakViewers"), count("newFollowers"));
        add(RecordType.SALE_LINE, name("sessionId", RecordType.LIVE_SESSION), name("productId", RecordType.PRODUCT),
                yesNo("onBehalf"), count("units"), count("orders"), money("gross"), money("refunds"));
        add(RecordType.HOUSEHOLD, text("registrationNo"), name("countyCode", RecordType.COUNTY), text("village"),
                text("headName"), count("members"));
        add(RecordType.BENEFICIARY_LINK, name("campaignId", RecordType.CAMPAIGN),
                name("householdId", RecordType.HOUSEHOLD), name("productId", RecordType.PRODUCT), money("income"));
        add(RecordType.SALE_IMPORT, text("file"), name("campaignId", RecordType.CAMPAIGN), count("lines"),
                count("created"), count("changed"), money("gross"), text("sha256"));
    }

    /**
     * The fields that tell a reader which record an entry is about: its name, or for a sale line
     * its product. A create or delete entry carries them, so an entry of a record deleted since can
     * still be named from the entries beside it.
     */
    private static final Map<RecordType, List<String>> IDENTITY = new EnumMap<>(Map.of(
            RecordType.ACCOUNT, List.of("displayName"),
            RecordType.CAMPAIGN, List.of("name"),
            RecordType.PARTNER, List.of("name"),
            RecordType.HOST, List.of("name"),
            RecordType.OFFICIAL, List.of("name"),
            RecordType.PRODUCT, List.of("name"),
            RecordType.LIVE_SESSION, List.of("startsAt", "countyCode"),
            RecordType.SALE_LINE, List.of("productId"),
            RecordType.HOUSEHOLD, List.of("registrationNo"),
            RecordType.BENEFICIARY_LINK, List.of("campaignId", "productId")));

    private AuditedFields() {
    }

    private static void add(RecordType type, AuditedField... fields) {
        Map<String, AuditedField> byName = new LinkedHashMap<>();
        for (AuditedField field : fields) {
            byName.put(field.name(), field);
        }
        FIELDS.put(type, byName);
    }

    /** The fields of a record type in reading order; none for a type the trail does not know. */
    static List<AuditedField> of(String entityType) {
        return RecordType.ofCode(entityType).map(type -> List.copyOf(FIELDS.get(type).values())).orElse(List.of());
    }

    /** A field as catalogued, if it is. */
    static Optional<AuditedField> find(String entityType, String field) {
        return RecordType.ofCode(entityType).map(FIELDS::get).map(fields -> fields.get(field));
    }

    /** Its place in the reading order; fields not catalogued come last. */
    static int position(String entityType, String field) {
        List<AuditedField> fields = of(entityType);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    static List<String> identity(String entityType) {
        return RecordType.ofCode(entityType).map(type -> IDENTITY.getOrDefault(type, List.of())).orElse(List.of());
    }

    static String labelKey(String entityType, String field) {
        return "audit.field." + entityType + "." + field;
    }

    static String typeKey(String entityType) {
        return "audit.type." + entityType;
    }
}

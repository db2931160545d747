package countylive.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of record and every field it audits has a label in both languages. */
class AuditedFieldsTest {

    @Test
    void everyRecordTypeAndFieldHasALabelInBothLanguages() throws IOException {
        for (String language : List.of("zh", "en")) {
            Properties texts = load("audit_" + language);
            for (RecordType type : RecordType.values()) {
                assertNotNull(texts.getProperty(AuditedFields.typeKey(type.code())), type + " in " + language);
                List<AuditedField> fields = AuditedFields.of(type.code());
                assertFalse(fields.isEmpty(), type + " lists its fields");
                for (AuditedField field : fields) {
                    assertNotNull(texts.getProperty(AuditedFields.labelKey(type.code(), field.name())),
                            type.code() + "." + field.name() + " in " + language);
                }
            }
        }
    }

    @Test
    void namedFieldsPointToRecordsThatCanBeNamedAndCodesToLabelsThatExist() throws IOException {
        Properties all = new Properties();
        for (String bundle : List.of("messages", "campaign", "account")) {
            all.putAll(load(bundle + "_zh"));
        }
        for (RecordType type : RecordType.values()) {
            for (AuditedField field : AuditedFields.of(type.code())) {
                if (field.names() != null) {
                    assertTrue(RecordNames.named(field.names()), type + "." + field.name());
                }
                if (field.labels() != null) {
                    assertTrue(all.stringPropertyNames().stream().anyMatch(key -> key.startsWith(field.labels())),
                            field.labels() + " labels for " + type + "." + field.name());
                }
            }
            for (String identity : AuditedFields.identity(type.code())) {
                assertTrue(AuditedFields.find(type.code(), identity).isPresent(), type + " named by " + identity);
            }
        }
    }

    private static Properties load(String name) throws IOException {
        InputStream in = AuditedFieldsTest.class.getResourceAsStream("/i18n/" + name + ".properties");
        assertNotNull(in, name);
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        }
    }
}

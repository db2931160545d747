package countylive.campaign;

import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/** The partner form exactly as typed; {@link #validate} turns it into a partner or problems. */
@Serdeable
record PartnerForm(@Nullable String name, @Nullable String kind, @Nullable String version,
                   @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    static PartnerForm blank(String submission) {
        return new PartnerForm("", PartnerKind.ASSOCIATION.name(), "", submission, null);
    }

    static PartnerForm of(Partner partner) {
        return new PartnerForm(partner.name(), partner.kind().name(), String.valueOf(partner.version()), null, null);
    }

    /** A partner with the form's values, or null when the form has problems (noted in errors). */
    @Nullable Partner validate(FormErrors errors, @Nullable Long id) {
        String validName = errors.required("name", name, 100);
        PartnerKind validKind = errors.choice("kind", kind, PartnerKind.class, true);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Partner(id, validName, validKind, versionNumber(), null, null);
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("kind", kind == null ? "" : kind);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}

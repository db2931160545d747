package countylive.official;

import countylive.region.Counties;
import countylive.region.CountyInfo;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/** The official form exactly as typed; the county may be typed as code or as a unique name. */
@Serdeable
record OfficialForm(@Nullable String name, @Nullable String title, @Nullable String county,
                    @Nullable String version, @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    static OfficialForm blank(String submission) {
        return new OfficialForm("", "", "", "", submission, null);
    }

    static OfficialForm of(Official official) {
        return new OfficialForm(official.name(), official.title(), official.countyCode(),
                String.valueOf(official.version()), null, null);
    }

    /** An official with the form's values, or null when the form has problems (noted in errors). */
    @Nullable Official validate(FormErrors errors, @Nullable Long id, Counties counties) {
        String validName = errors.required("name", name, 50);
        String validTitle = errors.required("title", title, 50);
        CountyInfo validCounty = counties.pickOne(errors, "county", county, true);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Official(id, validName, validTitle, validCounty.code(), versionNumber(), null, null);
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("title", title == null ? "" : title);
        values.put("county", county == null ? "" : county);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}

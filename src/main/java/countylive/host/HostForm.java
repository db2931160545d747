package countylive.host;

import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/** The host form exactly as typed; {@link #validate} turns it into a host or problems. */
@Serdeable
record HostForm(@Nullable String name, @Nullable String platform, @Nullable String handle,
                @Nullable String followers, @Nullable String version,
                @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    static HostForm blank(String submission) {
        return new HostForm("", Platform.DOUYIN.name(), "", "", "", submission, null);
    }

    static HostForm of(Host host) {
        return new HostForm(host.name(), host.platform().name(), host.handle(),
                host.followers() == null ? "" : String.valueOf(host.followers()),
                String.valueOf(host.version()), null, null);
    }

    /** A host with the form's values, or null when the form has problems (noted in errors). */
    @Nullable Host validate(FormErrors errors, @Nullable Long id) {
        String validName = errors.required("name", name, 50);
        Platform validPlatform = errors.choice("platform", platform, Platform.class, true);
        String validHandle = errors.required("handle", handle, 100);
        Long validFollowers = errors.count("followers", followers, false);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Host(id, validName, validPlatform, validHandle, validFollowers, versionNumber(), null, null);
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("platform", platform == null ? "" : platform);
        values.put("handle", handle == null ? "" : handle);
        values.put("followers", followers == null ? "" : followers);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}

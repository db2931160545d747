package countylive.account;

import countylive.access.Role;
import countylive.region.Counties;
import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import countylive.web.form.Input;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The account form exactly as typed. Creating reads every field; editing ignores username and
 * password (the username is the login and stays, passwords have their own form).
 * Counties are typed as codes or names, separated by spaces, commas or 、, as on the campaign form.
 */
@Serdeable
record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String role,
                   @Nullable String counties, @Nullable String password, @Nullable String version,
                   @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,50}");
    static final int MAX_COUNTIES = 50;

    /** What a valid form says: the county codes are those of counties that exist. */
    record Valid(String username, String displayName, Role role, Set<String> countyCodes, String password,
                 @Nullable Integer version) {
    }

    static AccountForm blank(String submission) {
        return new AccountForm("", "", Role.COORDINATOR.name(), "", "", "", submission, null);
    }

    static AccountForm of(AppUser user, Iterable<String> countyCodes) {
        return new AccountForm(user.username(), user.displayName(), user.role().name(),
                String.join(" ", countyCodes), "", String.valueOf(user.version()), null, null);
    }

    /** The same form for an existing account, whose username is the stored one whatever was posted. */
    AccountForm withUsernameOf(AppUser user) {
        return new AccountForm(user.username(), displayName, role, counties, password, version, submission, csrf);
    }

    /** The form's values, or null when it has problems (noted in errors). */
    @Nullable Valid validate(FormErrors errors, boolean creating, Counties known) {
        String validUsername = null;
        String validPassword = null;
        if (creating) {
            validUsername = errors.required("username", username, 50);
            if (validUsername != null && !USERNAME.matcher(validUsername).matches()) {
                errors.add("username", "account.usernameFormat");
            }
            String problem = PasswordHasher.problemWith(password);
            if (problem != null) {
                errors.add("password", problem);
            }
            validPassword = password;
        }
        String validName = errors.required("displayName", displayName, 50);
        Role validRole = errors.choice("role", role, Role.class, true);
        Set<String> codes = countyCodes(errors, known);
        if (validRole == Role.COORDINATOR && codes != null && codes.isEmpty() && !errors.has("counties")) {
            errors.add("counties", "account.countiesRequired");
        }
        if (validRole != null && validRole != Role.COORDINATOR && codes != null && !codes.isEmpty()) {
            errors.add("counties", "account.countiesNotAllowed");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Valid(validUsername, validName, validRole, codes, validPassword, versionNumber());
    }

    /**
     * The counties typed, by code or name, or null when one names no county or several (noted in
     * errors, each word named, so a typo is easy to find).
     */
    private @Nullable Set<String> countyCodes(FormErrors errors, Counties known) {
        String text = Input.text(counties);
        if (text == null) {
            return new TreeSet<>();
        }
        Counties.Resolution resolution = known.resolve(text);
        if (!resolution.unknown().isEmpty()) {
            errors.add("counties", "account.unknownCounties", String.join(", ", new TreeSet<>(resolution.unknown().stream()
                    .map(word -> word.length() > 20 ? word.substring(0, 20) + "…" : word).toList())));
            return null;
        }
        if (!resolution.ambiguous().isEmpty()) {
            errors.add("counties", "county.ambiguous", resolution.ambiguousText());
            return null;
        }
        Set<String> codes = new TreeSet<>();
        resolution.found().forEach(county -> codes.add(county.code()));
        if (codes.size() > MAX_COUNTIES) {
            errors.add("counties", "account.tooManyCounties", MAX_COUNTIES);
            return null;
        }
        return codes;
    }

    @Nullable Integer versionNumber() {
        return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    /** What goes back into the form; never the password. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", username == null ? "" : username);
        values.put("displayName", displayName == null ? "" : displayName);
        values.put("role", role == null ? "" : role);
        values.put("counties", counties == null ? "" : counties);
        values.put("version", version == null ? "" : version);
        values.put("submission", submission == null ? "" : submission);
        return values;
    }
}

package countylive.account;

import countylive.access.Role;
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
 * Counties are typed as codes, separated by spaces or commas.
 */
@Serdeable
record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String role,
                   @Nullable String counties, @Nullable String password, @Nullable String version,
                   @Nullable String submission, @Nullable String csrf) implements CsrfForm {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,50}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;、]+");
    static final int MAX_COUNTIES = 50;

    /** What a valid form says; the county codes are still to be checked against the county table. */
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
    @Nullable Valid validate(FormErrors errors, boolean creating) {
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
        Set<String> codes = countyCodes(errors);
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

    /** The typed codes, or null when one is not a six-digit code (noted in errors). */
    private @Nullable Set<String> countyCodes(FormErrors errors) {
        String text = Input.text(counties);
        Set<String> codes = new TreeSet<>();
        if (text == null) {
            return codes;
        }
        Set<String> malformed = new TreeSet<>();
        for (String code : SEPARATORS.split(text)) {
            if (code.isEmpty()) {
                continue;
            }
            if (COUNTY_CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                malformed.add(code.length() > 20 ? code.substring(0, 20) + "…" : code);
            }
        }
        if (!malformed.isEmpty()) {
            errors.add("counties", "account.countyCodeFormat", String.join(", ", malformed));
            return null;
        }
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

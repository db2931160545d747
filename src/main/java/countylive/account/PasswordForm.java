package countylive.account;

import countylive.web.csrf.CsrfForm;
import countylive.web.form.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A new password typed twice; {@code current} only on the own-password form. Passwords never go
 * back into the page.
 */
@Serdeable
record PasswordForm(@Nullable String current, @Nullable String password, @Nullable String confirm,
                    @Nullable String csrf) implements CsrfForm {

    /** The new password, or null when it is too short, too long or typed differently twice. */
    @Nullable String validate(FormErrors errors) {
        String problem = PasswordHasher.problemWith(password);
        if (problem != null) {
            errors.add("password", problem);
            return null;
        }
        if (confirm == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                confirm.getBytes(StandardCharsets.UTF_8))) {
            errors.add("confirm", "password.mismatch");
            return null;
        }
        return password;
    }

    static Map<String, String> emptyValues() {
        return Map.of("current", "", "password", "", "confirm", "");
    }
}

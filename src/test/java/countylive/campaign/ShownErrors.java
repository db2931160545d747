package countylive.campaign;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a form page shows a problem: under its field, or above the form for the form as a whole. */
public final class ShownErrors {

    private static final Pattern ABOVE_FORM = Pattern.compile("class=\"form-error\"[^>]*>\\s*<p>([^<]*)</p>");

    private ShownErrors() {
    }

    /** The problem shown under a field (the element with id {@code field-error}), or "" when there is none. */
    public static String under(String html, String field) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)</p>").matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The problem shown above the form, or "" when there is none. */
    public static String aboveForm(String html) {
        Matcher matcher = ABOVE_FORM.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }
}

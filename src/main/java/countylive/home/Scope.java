package countylive.home;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** A coordinator's counties as an SQL IN list: one placeholder per county, never a county typed into SQL. */
final class Scope {

    private Scope() {
    }

    /** "?, ?, ?" for three counties; a list that matches nothing for none. */
    static String placeholders(Collection<String> counties) {
        return counties.isEmpty() ? "NULL" : String.join(", ", Collections.nCopies(counties.size(), "?"));
    }

    /** The statement's parameters: those before the list, the counties, those after. */
    static List<Object> parameters(List<?> before, Collection<String> counties, List<?> after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(counties);
        all.addAll(after);
        return all;
    }
}

package countylive.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;

import java.util.Set;

/**
 * The search, sort and page of a list, read from the query string. Only the named sortable
 * properties are accepted, so a crafted URL cannot sort by anything else.
 *
 * @param q    the search text, trimmed, or "" for none
 * @param page zero-based page number
 */
public record ListQuery(String q, int page, String sort, boolean descending) {

    public static final int PAGE_SIZE = 25;

    public static ListQuery of(HttpRequest<?> request, Set<String> sortable, String defaultSort) {
        var parameters = request.getParameters();
        String q = parameters.getFirst("q").map(String::strip).orElse("");
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        int page = parameters.getFirst("page").filter(p -> p.matches("\\d{1,6}")).map(Integer::parseInt).orElse(0);
        String sort = parameters.getFirst("sort").filter(sortable::contains).orElse(defaultSort);
        boolean descending = parameters.getFirst("dir").map("desc"::equals).orElse(false);
        return new ListQuery(q, page, sort, descending);
    }

    public Pageable pageable() {
        Sort.Order order = descending ? Sort.Order.desc(sort) : Sort.Order.asc(sort);
        return Pageable.from(page, PAGE_SIZE, Sort.of(order));
    }

    public boolean hasSearch() {
        return !q.isEmpty();
    }

    /** "%q%" for LIKE, with the user's own % and _ taken literally. */
    public String likePattern() {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The direction a click on a column's header asks for: the other one if it is the current sort. */
    public String nextDirection(String property) {
        return property.equals(sort) && !descending ? "desc" : "asc";
    }

    /** The arrow to show beside a column's header. */
    public String arrow(String property) {
        if (!property.equals(sort)) {
            return "";
        }
        return descending ? " ▼" : " ▲";
    }

    public @Nullable String ariaSort(String property) {
        if (!property.equals(sort)) {
            return null;
        }
        return descending ? "descending" : "ascending";
    }
}

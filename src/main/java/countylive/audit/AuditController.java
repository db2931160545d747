package countylive.audit;

import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole audit trail for administrators, newest first, filtered by record, user and date
 * range. It shows personal data as it was entered, which is why only administrators see it.
 */
@Controller(value = "/audit", produces = MediaType.TEXT_HTML)
@Secured("ADMIN")
class AuditController {

    /** A record type as the filter offers it: the stored code and its label. */
    record TypeOption(String code, String label) {
    }

    private final AuditRepository events;
    private final AuditTrail trail;
    private final ReadableHistory readable;
    private final Messages messages;
    private final FormView forms;

    AuditController(AuditRepository events, AuditTrail trail, ReadableHistory readable, Messages messages,
                    FormView forms) {
        this.events = events;
        this.trail = trail;
        this.readable = readable;
        this.messages = messages;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> browse(HttpRequest<?> request) {
        var parameters = request.getParameters();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new String[] {"type", "id", "user", "from", "to"}) {
            values.put(name, parameters.getFirst(name).map(String::strip).orElse(""));
        }
        FormErrors errors = new FormErrors();
        String type = errors.optional("type", values.get("type"), 40);
        String id = errors.optional("id", values.get("id"), 40);
        String user = errors.optional("user", values.get("user"), 50);
        LocalDate from = errors.date("from", values.get("from"), false);
        LocalDate to = errors.date("to", values.get("to"), false);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "audit.toBeforeFrom");
        }
        int page = parameters.getFirst("page").filter(p -> p.matches("\\d{1,6}")).map(Integer::parseInt).orElse(0);
        Locale locale = messages.locale(request);
        Page<HistoryLine> lines;
        if (errors.isEmpty()) {
            Page<AuditEntry> entries = events.browse(type, id, user,
                    from == null ? null : from.atStartOfDay(),
                    to == null ? null : to.plusDays(1).atStartOfDay(),
                    Pageable.from(page, ListQuery.PAGE_SIZE)).map(trail::entry);
            // the entries of a page are named together, in one lookup per table
            lines = Page.of(readable.lines(entries.getContent(), locale), entries.getPageable(), entries.getTotalSize());
        } else {
            lines = Page.empty();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("page", lines);
        extra.put("entityTypes", typeOptions(locale));
        extra.put("filterQuery", filterQuery(values));
        return forms.render(request, "audit/list", values, errors, extra);
    }

    /** The record types the trail holds, by their labels in the reader's language. */
    private List<TypeOption> typeOptions(Locale locale) {
        return events.findEntityTypes().stream()
                .map(code -> new TypeOption(code, readable.typeLabel(code, locale)))
                .sorted(Comparator.comparing(TypeOption::label, Collator.getInstance(locale)))
                .toList();
    }

    /** The filters as a query string, for the page links. */
    private static String filterQuery(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        return query.toString();
    }
}

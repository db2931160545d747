package countylive.audit;

import countylive.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the history on a record's page readable. Controllers put the entries of
 * {@link AuditTrail#historyOf} and {@link AuditTrail#historyUnder} into the model as
 * {@code history} (and the household page its links' as {@code linkHistory}); before the page is
 * rendered, this replaces them by {@link HistoryLine}s in the reader's language, naming the ids
 * of all of a page's entries together. Controllers thus need neither the locale nor the lookups,
 * and templates/fragments/history.html reads only lines.
 */
@Singleton
class HistoryModel implements ViewModelProcessor<Map<String, Object>> {

    static final List<String> ATTRIBUTES = List.of("history", "linkHistory");

    private final ReadableHistory readable;
    private final Messages messages;

    HistoryModel(ReadableHistory readable, Messages messages) {
        this.readable = readable;
        this.messages = messages;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = modelAndView.getModel().orElse(Map.of());
        Map<String, List<AuditEntry>> found = new LinkedHashMap<>();
        for (String attribute : ATTRIBUTES) {
            if (model.get(attribute) instanceof List<?> list && !list.isEmpty()
                    && list.stream().allMatch(AuditEntry.class::isInstance)) {
                found.put(attribute, list.stream().map(AuditEntry.class::cast).toList());
            }
        }
        if (found.isEmpty()) {
            return;
        }
        List<AuditEntry> all = new ArrayList<>();
        found.values().forEach(all::addAll);
        List<HistoryLine> lines = readable.lines(all, messages.locale(request));
        Map<String, Object> changed = new HashMap<>(model);
        int from = 0;
        for (Map.Entry<String, List<AuditEntry>> attribute : found.entrySet()) {
            int to = from + attribute.getValue().size();
            changed.put(attribute.getKey(), lines.subList(from, to));
            from = to;
        }
        modelAndView.setModel(changed);
    }
}

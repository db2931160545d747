package countylive.sale;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.campaign.SignOffs;
import countylive.ledger.Ledger;
import countylive.ledger.SaleLineRules.Typed;
import countylive.ledger.SalesGrid;
import countylive.ledger.Submission;
import countylive.livestream.SessionAccess;
import countylive.web.Figures;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormFlow;
import countylive.web.form.FormView;
import countylive.web.form.Refusal;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sales grid of a session: one row per product of the session's county, plus the products
 * of other counties it sold on their behalf. The whole grid saves at once or not at all.
 * A row whose implied unit price is far off the reference price comes back with a warning
 * (status 422) until the user ticks its confirm box.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class SalesController {

    /** One row of the grid as the page shows it. */
    record GridRow(String key, long productId, String productName, String countyName, String unit,
                   @Nullable BigDecimal referencePrice, boolean onBehalf, Typed typed,
                   boolean confirmed, @Nullable String warning) {
    }

    private final SaleLineRepository lines;
    private final SessionAccess sessions;
    private final Ledger ledger;
    private final FormView forms;
    private final FormFlow flow;
    private final Messages messages;
    private final AuditTrail audit;
    private final SignOffs signOffs;
    private final Figures figures;

    SalesController(SaleLineRepository lines, SessionAccess sessions, Ledger ledger, FormView forms, FormFlow flow,
                    Messages messages, AuditTrail audit, SignOffs signOffs, Figures figures) {
        this.signOffs = signOffs;
        this.figures = figures;
        this.lines = lines;
        this.sessions = sessions;
        this.ledger = ledger;
        this.forms = forms;
        this.flow = flow;
        this.messages = messages;
        this.audit = audit;
    }

    @Get("/sessions/{id}/sales")
    HttpResponse<?> grid(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        SessionAccess.SessionRef session = sessions.readable(user, id);
        List<SaleLine> stored = lines.findBySessionId(id);
        Map<Long, Typed> typed = stored.stream().collect(Collectors.toMap(SaleLine::productId,
                line -> new Typed(String.valueOf(line.units()), String.valueOf(line.orders()),
                        line.gross().toPlainString(), line.refunds().toPlainString())));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", String.valueOf(session.version()));
        values.put("submission", Submissions.newToken());
        Map<Long, SaleLineRepository.ProductRow> grid = gridProducts(session, stored);
        Map<String, Object> extras = extras(request, user, session, grid, typed, SalesForm.BLANK, List.of(), Map.of());
        // held back by the sign-off: the grid is read-only and says why, before anything is typed (a
        // save refused meanwhile keeps its form and what was typed, with the same reason above it)
        signOffs.lockNotice(request, user, session.campaignId(), session.countyCode())
                .filter(notice -> user.mayEdit(session.countyCode()))
                .ifPresent(notice -> {
                    extras.put("lockNotice", notice);
                    extras.put("mayEdit", false);
                });
        return forms.render(request, "sale/grid", values, new FormErrors(), extras);
    }

    @Post(value = "/sessions/{id}/sales", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> save(HttpRequest<?> request, long id, @Body SalesForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        SessionAccess.SessionRef session = sessions.readable(user, id);
        if (!user.mayEdit(session.countyCode())) {
            throw new RecordNotFoundException("live_session", id);
        }
        Map<Long, SaleLineRepository.ProductRow> grid = gridProducts(session, lines.findBySessionId(id));
        Map<Long, SaleLineRepository.ProductRow> others = lines.productsNotOf(session.countyCode()).stream()
                .filter(p -> !grid.containsKey(p.id()))
                .collect(Collectors.toMap(SaleLineRepository.ProductRow::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<Long, Typed> typed = form.typedRows() == null ? Map.of() : form.typedRows();
        List<String> confirmed = form.confirm() == null ? List.of() : form.confirm();
        Map<String, SalesForm.Warning> warnings = new LinkedHashMap<>();
        // the rows' warnings are known once the form is read: the page is built after that
        FormFlow.Page page = new FormFlow.Page("sale/grid", form.values(),
                () -> extras(request, user, session, grid, typed, form.typedAdd(), confirmed, warnings));
        String saved = "/sessions/" + id + "/sales";
        return flow.save(request, form.submission(), page, errors -> {
            if (session.campaignClosed()) {
                throw Refusal.conflict(null, "session.campaignClosed");
            }
            SalesForm.Result result = form.validate(errors, warnings, grid, others);
            if (result == null && errors.isEmpty()) {
                errors.add("_form", "sale.confirmWarnings");
            }
            return result;
        }, result -> {
            ledger.saveSales(user, new SalesGrid(id, form.versionNumber(), result.lines(), result.warningsConfirmed(),
                    result.onBehalfConfirmed()), new Submission(form.submission(), s -> saved + "?flash=saved"));
            return saved + "?flash=saved";
        }, saved);
    }

    /** The session county's products, then those of other counties it already sold on their behalf. */
    private Map<Long, SaleLineRepository.ProductRow> gridProducts(SessionAccess.SessionRef session, List<SaleLine> stored) {
        Map<Long, SaleLineRepository.ProductRow> grid = new LinkedHashMap<>();
        lines.productsOf(session.countyCode()).forEach(p -> grid.put(p.id(), p));
        List<Long> extra = stored.stream().map(SaleLine::productId).filter(p -> !grid.containsKey(p)).toList();
        if (!extra.isEmpty()) {
            lines.productsById(extra).forEach(p -> grid.put(p.id(), p));
        }
        return grid;
    }

    private Map<String, Object> extras(HttpRequest<?> request, CurrentUser user, SessionAccess.SessionRef session,
                                       Map<Long, SaleLineRepository.ProductRow> grid, Map<Long, Typed> typed,
                                       Typed add, List<String> confirmed, Map<String, SalesForm.Warning> warnings) {
        List<GridRow> rows = new ArrayList<>();
        List<Typed> summed = new ArrayList<>(List.of(add));
        for (var product : grid.values()) {
            String key = String.valueOf(product.id());
            SalesForm.Warning warning = warnings.get(key);
            summed.add(typed.getOrDefault(product.id(), SalesForm.BLANK));
            rows.add(new GridRow(key, product.id(), product.name(), product.countyName(), product.unit(),
                    product.referencePrice(), !product.countyCode().equals(session.countyCode()),
                    typed.getOrDefault(product.id(), SalesForm.BLANK), confirmed.contains(key),
                    warning == null ? null : messages.get(request, warning.key(), warning.arguments().toArray())));
        }
        SalesForm.Warning addWarning = warnings.get(SalesForm.ADD);
        Map<String, Object> extras = new HashMap<>();
        extras.put("liveSession", session);
        extras.put("rows", rows);
        extras.put("totals", GridTotals.of(summed));
        extras.put("fig", figures);
        extras.put("addWarning", addWarning == null ? "" : messages.get(request, addWarning.key(), addWarning.arguments().toArray()));
        extras.put("otherProducts", lines.productsNotOf(session.countyCode()).stream()
                .filter(p -> !grid.containsKey(p.id())).toList());
        extras.put("mayEdit", user.mayEdit(session.countyCode()) && !session.campaignClosed());
        extras.put("history", audit.historyUnder(RecordType.LIVE_SESSION, session.id(), RecordType.SALE_LINE));
        return extras;
    }
}

package countylive.campaign;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormFlow;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Partners: everyone signed in reads them, administrators change them. */
@Controller(value = "/partners", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class PartnerController {

    private static final Set<String> SORTABLE = Set.of("name", "kind", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final PartnerRepository partners;
    private final PartnerService service;
    private final FormView forms;
    private final AuditTrail audit;
    private final Messages messages;
    private final FormFlow flow;

    PartnerController(PartnerRepository partners, PartnerService service, FormView forms, AuditTrail audit,
                      Messages messages, FormFlow flow) {
        this.partners = partners;
        this.service = service;
        this.forms = forms;
        this.audit = audit;
        this.messages = messages;
        this.flow = flow;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request, SORTABLE, "name");
        var page = query.hasSearch()
                ? partners.search(query.likePattern(), query.pageable())
                : partners.findAll(query.pageable());
        return new ModelAndView<>("partner/list", Map.of("page", page, "query", query));
    }

    @Get("/new")
    @Secured("ADMIN")
    HttpResponse<?> newForm(HttpRequest<?> request) {
        return forms.render(request, "partner/form", PartnerForm.blank(Submissions.newToken()).values(),
                new FormErrors(), formExtras(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body PartnerForm form, Authentication authentication) {
        FormFlow.Page page = new FormFlow.Page("partner/form", form.values(), formExtras(null));
        return flow.create(request, form.submission(), page, errors -> {
                    Partner partner = form.validate(errors, null);
                    if (partner != null && service.nameTaken(partner.name(), null)) {
                        errors.add("name", "input.unique");
                    }
                    return partner;
                }, partner -> "/partners/" + service.create(CurrentUser.of(authentication), partner, form.submission()).id(),
                "/partners");
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id) {
        Partner partner = partners.findById(id).orElseThrow(() -> new RecordNotFoundException("partner", id));
        return new ModelAndView<>("partner/show", Map.of(
                "partner", partner,
                "history", audit.historyOf(PartnerService.AUDIT_TYPE, id)));
    }

    @Get("/{id}/edit")
    @Secured("ADMIN")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        Partner partner = partners.findById(id).orElseThrow(() -> new RecordNotFoundException("partner", id));
        return forms.render(request, "partner/form", PartnerForm.of(partner).values(), new FormErrors(), formExtras(id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body PartnerForm form, Authentication authentication) {
        partners.findById(id).orElseThrow(() -> new RecordNotFoundException("partner", id));
        FormFlow.Page page = new FormFlow.Page("partner/form", form.values(), formExtras(id));
        return flow.update(request, form.versionNumber(), page, errors -> {
                    Partner partner = form.validate(errors, id);
                    if (partner != null && service.nameTaken(partner.name(), id)) {
                        errors.add("name", "input.unique");
                    }
                    return partner;
                }, partner -> service.update(CurrentUser.of(authentication), partner), "/partners/" + id);
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        Partner partner = partners.findById(id).orElseThrow(() -> new RecordNotFoundException("partner", id));
        long campaigns = service.delete(CurrentUser.of(authentication), id);
        if (campaigns > 0) {
            String blocker = messages.get(request, "partner.blockedBy", campaigns);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("partner/show", Map.of(
                    "partner", partner,
                    "history", audit.historyOf(PartnerService.AUDIT_TYPE, id),
                    "deleteError", messages.get(request, "delete.blocked", blocker))));
        }
        return HttpResponse.seeOther(URI.create("/partners?flash=deleted"));
    }

    private static Map<String, Object> formExtras(@Nullable Long id) {
        return id == null
                ? Map.of("kinds", List.of(PartnerKind.values()))
                : Map.of("kinds", List.of(PartnerKind.values()), "partnerId", id);
    }
}

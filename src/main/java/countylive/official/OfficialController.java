package countylive.official;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.trace.Activity;
import countylive.web.Figures;
import countylive.region.Counties;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Officials: everyone signed in reads them (coordinators pick them), administrators change them. */
@Controller(value = "/officials", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class OfficialController {

    private static final Set<String> SORTABLE = Set.of("name", "title", "countyCode", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final OfficialRepository officials;
    private final OfficialService service;
    private final Counties counties;
    private final FormView forms;
    private final AuditTrail audit;
    private final Messages messages;
    private final FormFlow flow;

    private final Activity activity;
    private final Figures figures;

    OfficialController(OfficialRepository officials, OfficialService service, Counties counties, FormView forms,
                       AuditTrail audit, Messages messages, FormFlow flow, Activity activity,
                       Figures figures) {
        this.activity = activity;
        this.figures = figures;
        this.officials = officials;
        this.service = service;
        this.counties = counties;
        this.forms = forms;
        this.audit = audit;
        this.messages = messages;
        this.flow = flow;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request, SORTABLE, "name");
        var page = query.hasSearch()
                ? officials.search(query.likePattern(), query.pageable())
                : officials.findAll(query.pageable());
        var names = counties.findAll(page.getContent().stream().map(Official::countyCode).toList());
        return new ModelAndView<>("official/list", Map.of("page", page, "query", query, "counties", names));
    }

    @Get("/new")
    @Secured("ADMIN")
    HttpResponse<?> newForm(HttpRequest<?> request) {
        return forms.render(request, "official/form", OfficialForm.blank(Submissions.newToken()).values(),
                new FormErrors(), formExtras(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body OfficialForm form, Authentication authentication) {
        FormFlow.Page page = new FormFlow.Page("official/form", form.values(), formExtras(null));
        return flow.create(request, form.submission(), page, errors -> {
                    Official official = form.validate(errors, null, counties);
                    return official;
                }, official -> "/officials/" + service.create(CurrentUser.of(authentication), official, form.submission()).id(),
                "/officials");
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, Authentication authentication) {
        Map<String, Object> model = showModel(id);
        model.put("activity", activity.of(Activity.Of.OFFICIAL, id, CurrentUser.of(authentication)));
        model.put("fig", figures);
        return new ModelAndView<>("official/show", model);
    }

    @Get("/{id}/edit")
    @Secured("ADMIN")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        Official official = officials.findById(id).orElseThrow(() -> new RecordNotFoundException("official", id));
        return forms.render(request, "official/form", OfficialForm.of(official).values(), new FormErrors(),
                formExtras(id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body OfficialForm form, Authentication authentication) {
        officials.findById(id).orElseThrow(() -> new RecordNotFoundException("official", id));
        FormFlow.Page page = new FormFlow.Page("official/form", form.values(), formExtras(id));
        return flow.update(request, form.versionNumber(), page, errors -> {
                    Official official = form.validate(errors, id, counties);
                    return official;
                }, official -> service.update(CurrentUser.of(authentication), official), "/officials/" + id);
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        Map<String, Object> model = showModel(id);
        long sessions = service.delete(CurrentUser.of(authentication), id);
        if (sessions > 0) {
            String blocker = messages.get(request, "official.blockedBy", sessions);
            model.put("deleteError", messages.get(request, "delete.blocked", blocker));
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("official/show", model));
        }
        return HttpResponse.seeOther(URI.create("/officials?flash=deleted"));
    }

    private Map<String, Object> showModel(long id) {
        Official official = officials.findById(id).orElseThrow(() -> new RecordNotFoundException("official", id));
        Map<String, Object> model = new HashMap<>();
        model.put("official", official);
        counties.find(official.countyCode()).ifPresent(county -> model.put("county", county));
        model.put("history", audit.historyOf(OfficialService.AUDIT_TYPE, id));
        return model;
    }

    private static Map<String, Object> formExtras(@Nullable Long id) {
        return id == null ? Map.of() : Map.of("officialId", id);
    }
}

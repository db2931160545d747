package countylive.host;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.trace.Activity;
import countylive.web.Figures;
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

/** Hosts: everyone signed in reads them (coordinators pick them), administrators change them. */
@Controller(value = "/hosts", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class HostController {

    private static final Set<String> SORTABLE = Set.of("name", "platform", "handle", "followers", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final HostRepository hosts;
    private final HostService service;
    private final FormView forms;
    private final AuditTrail audit;
    private final Messages messages;
    private final FormFlow flow;

    private final Activity activity;
    private final Figures figures;

    HostController(HostRepository hosts, HostService service, FormView forms, AuditTrail audit,
                   Messages messages, FormFlow flow, Activity activity,
                   Figures figures) {
        this.activity = activity;
        this.figures = figures;
        this.hosts = hosts;
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
                ? hosts.search(query.likePattern(), query.pageable())
                : hosts.findAll(query.pageable());
        return new ModelAndView<>("host/list", Map.of("page", page, "query", query));
    }

    @Get("/new")
    @Secured("ADMIN")
    HttpResponse<?> newForm(HttpRequest<?> request) {
        return forms.render(request, "host/form", HostForm.blank(Submissions.newToken()).values(),
                new FormErrors(), formExtras(null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body HostForm form, Authentication authentication) {
        FormFlow.Page page = new FormFlow.Page("host/form", form.values(), formExtras(null));
        return flow.create(request, form.submission(), page, errors -> {
                    Host host = form.validate(errors, null);
                    if (host != null && service.handleTaken(host, null)) {
                        errors.add("handle", "host.handleTaken");
                    }
                    return host;
                }, host -> "/hosts/" + service.create(CurrentUser.of(authentication), host, form.submission()).id(),
                "/hosts");
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, Authentication authentication) {
        Host host = hosts.findById(id).orElseThrow(() -> new RecordNotFoundException("host", id));
        return new ModelAndView<>("host/show", Map.of(
                "host", host,
                "history", audit.historyOf(HostService.AUDIT_TYPE, id),
                "activity", activity.of(Activity.Of.HOST, id, CurrentUser.of(authentication)),
                "fig", figures));
    }

    @Get("/{id}/edit")
    @Secured("ADMIN")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        Host host = hosts.findById(id).orElseThrow(() -> new RecordNotFoundException("host", id));
        return forms.render(request, "host/form", HostForm.of(host).values(), new FormErrors(), formExtras(id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body HostForm form, Authentication authentication) {
        hosts.findById(id).orElseThrow(() -> new RecordNotFoundException("host", id));
        FormFlow.Page page = new FormFlow.Page("host/form", form.values(), formExtras(id));
        return flow.update(request, form.versionNumber(), page, errors -> {
                    Host host = form.validate(errors, id);
                    if (host != null && service.handleTaken(host, id)) {
                        errors.add("handle", "host.handleTaken");
                    }
                    return host;
                }, host -> service.update(CurrentUser.of(authentication), host), "/hosts/" + id);
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        Host host = hosts.findById(id).orElseThrow(() -> new RecordNotFoundException("host", id));
        long sessions = service.delete(CurrentUser.of(authentication), id);
        if (sessions > 0) {
            String blocker = messages.get(request, "host.blockedBy", sessions);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("host/show", Map.of(
                    "host", host,
                    "history", audit.historyOf(HostService.AUDIT_TYPE, id),
                    "deleteError", messages.get(request, "delete.blocked", blocker))));
        }
        return HttpResponse.seeOther(URI.create("/hosts?flash=deleted"));
    }

    private static Map<String, Object> formExtras(@Nullable Long id) {
        return id == null
                ? Map.of("platforms", List.of(Platform.values()))
                : Map.of("platforms", List.of(Platform.values()), "hostId", id);
    }
}

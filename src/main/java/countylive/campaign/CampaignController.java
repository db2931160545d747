package countylive.campaign;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.audit.AuditTrail;
import countylive.region.Counties;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Page;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns: administrators and association staff see all of them, coordinators those in which
 * one of their counties takes part (any other is a 404 to them); only administrators change them.
 */
@Controller(value = "/campaigns", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class CampaignController {

    private static final Set<String> SORTABLE = Set.of("name", "theme", "startsOn", "endsOn", "status", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final CampaignRepository campaigns;
    private final Campaigns visibility;
    private final PartnerRepository partners;
    private final CampaignService service;
    private final Counties counties;
    private final FormView forms;
    private final AuditTrail audit;
    private final Messages messages;
    private final Submissions submissions;

    CampaignController(CampaignRepository campaigns, Campaigns visibility, PartnerRepository partners,
                       CampaignService service, Counties counties, FormView forms, AuditTrail audit,
                       Messages messages, Submissions submissions) {
        this.campaigns = campaigns;
        this.visibility = visibility;
        this.partners = partners;
        this.service = service;
        this.counties = counties;
        this.forms = forms;
        this.audit = audit;
        this.messages = messages;
        this.submissions = submissions;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        ListQuery query = ListQuery.of(request, SORTABLE, "startsOn");
        Page<Campaign> page;
        if (user.role() != Role.COORDINATOR) {
            page = campaigns.search(query.likePattern(), query.pageable());
        } else if (user.countyCodes().isEmpty()) {
            page = Page.of(List.of(), query.pageable(), 0L);
        } else {
            page = campaigns.searchInCounties(query.likePattern(), user.countyCodes(), query.pageable());
        }
        return new ModelAndView<>("campaign/list", Map.of("page", page, "query", query));
    }

    @Get("/new")
    @Secured("ADMIN")
    HttpResponse<?> newForm(HttpRequest<?> request) {
        CampaignForm form = CampaignForm.blank(Submissions.newToken());
        return forms.render(request, "campaign/form", form.values(), new FormErrors(), formExtras(form, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body CampaignForm form, Authentication authentication) {
        var previous = submissions.previousResult(form.submission());
        if (previous.isPresent()) {
            return HttpResponse.seeOther(URI.create(previous.get()));
        }
        FormErrors errors = new FormErrors();
        CampaignForm.Draft draft = form.validate(errors, null, partnerIds(), counties);
        if (draft != null && service.nameTaken(draft.campaign().name(), null)) {
            errors.add("name", "input.unique");
        }
        if (!errors.isEmpty()) {
            return forms.render(request, "campaign/form", form.values(), errors, formExtras(form, null));
        }
        try {
            Campaign saved = service.create(CurrentUser.of(authentication), draft, form.submission());
            return HttpResponse.seeOther(URI.create("/campaigns/" + saved.id() + "?flash=created"));
        } catch (Submissions.AlreadySubmitted e) {
            return HttpResponse.seeOther(URI.create(e.resultPath() == null ? "/campaigns" : e.resultPath()));
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, Authentication authentication) {
        return new ModelAndView<>("campaign/show", showModel(id, CurrentUser.of(authentication)));
    }

    @Get("/{id}/edit")
    @Secured("ADMIN")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        Campaign campaign = find(id);
        CampaignForm form = CampaignForm.of(campaign, campaigns.partnerIds(id), campaigns.countyCodes(id));
        return forms.render(request, "campaign/form", form.values(), new FormErrors(), formExtras(form, campaign));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body CampaignForm form, Authentication authentication) {
        Campaign stored = find(id);
        FormErrors errors = new FormErrors();
        CampaignForm.Draft draft = form.validate(errors, id, partnerIds(), counties);
        if (draft != null && service.nameTaken(draft.campaign().name(), id)) {
            errors.add("name", "input.unique");
        }
        if (draft != null && draft.campaign().version() == null) {
            errors.add("_form", "form.staleVersion");
        }
        if (!errors.isEmpty()) {
            return forms.render(request, "campaign/form", form.values(), errors, formExtras(form, stored));
        }
        try {
            service.update(CurrentUser.of(authentication), draft);
            return HttpResponse.seeOther(URI.create("/campaigns/" + id + "?flash=saved"));
        } catch (OptimisticLockException e) {
            errors.add("_form", "form.staleVersion");
            return forms.render(request, HttpStatus.CONFLICT, "campaign/form", form.values(), errors,
                    formExtras(form, stored));
        } catch (CampaignService.Refused e) {
            errors.add(e.field, e.key, e.arguments);
            return forms.render(request, "campaign/form", form.values(), errors, formExtras(form, stored));
        }
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> model = showModel(id, user);
        CampaignService.Blockers blockers = service.delete(user, id);
        if (blockers.any()) {
            String reason;
            if (blockers.closed()) {
                reason = messages.get(request, "campaign.closed.noDelete");
            } else if (blockers.sessions() > 0 || blockers.beneficiaryLinks() > 0) {
                reason = messages.get(request, "delete.blocked", messages.get(request, "campaign.blockedBy",
                        blockers.sessions(), blockers.beneficiaryLinks()));
            } else {
                reason = messages.get(request, "delete.blocked",
                        messages.get(request, "campaign.blockedByImports", blockers.imports()));
            }
            model.put("deleteError", reason);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("campaign/show", model));
        }
        return HttpResponse.seeOther(URI.create("/campaigns?flash=deleted"));
    }

    private Campaign find(long id) {
        return campaigns.findById(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
    }

    private Map<String, Object> showModel(long id, CurrentUser user) {
        Campaign campaign = find(id);
        if (!visibility.visibleTo(user, id)) {
            throw new RecordNotFoundException("campaign", id);
        }
        Set<Long> partnerIds = Set.copyOf(campaigns.partnerIds(id));
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("partners", partners.listOrderByName().stream().filter(p -> partnerIds.contains(p.id())).toList());
        model.put("counties", List.copyOf(counties.findAll(campaigns.countyCodes(id)).values()));
        model.put("history", audit.historyOf(CampaignService.AUDIT_TYPE, id));
        return model;
    }

    private Set<Long> partnerIds() {
        return partners.listOrderByName().stream().map(Partner::id).collect(java.util.stream.Collectors.toSet());
    }

    private Map<String, Object> formExtras(CampaignForm form, @Nullable Campaign stored) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("statuses", List.of(CampaignStatus.values()));
        extras.put("partners", partners.listOrderByName());
        extras.put("chosenCounties", List.copyOf(counties.findAll(form.keptCounties()).values()));
        if (stored != null) {
            extras.put("campaignId", stored.id());
            extras.put("closed", stored.status() == CampaignStatus.CLOSED);
        }
        return extras;
    }
}

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
import countylive.web.form.FormFlow;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
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
import java.util.stream.Collectors;

/**
 * Campaigns: administrators and association staff see all of them, coordinators those in which
 * one of their counties takes part (any other is a 404 to them); only administrators change them.
 */
@Controller(value = "/campaigns", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class CampaignController {

    private static final Set<String> SORTABLE = Set.of("name", "theme", "startsOn", "endsOn", "status", "updatedAt");
    private static final String FORM = "campaign/form";

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final CampaignRepository campaigns;
    private final Campaigns visibility;
    private final PartnerRepository partners;
    private final CampaignService service;
    private final Counties counties;
    private final FormView forms;
    private final FormFlow flow;
    private final AuditTrail audit;
    private final Messages messages;
    private final SignOffs signOffs;

    CampaignController(CampaignRepository campaigns, Campaigns visibility, PartnerRepository partners,
                       CampaignService service, Counties counties, FormView forms, FormFlow flow, AuditTrail audit,
                       Messages messages, SignOffs signOffs) {
        this.signOffs = signOffs;
        this.campaigns = campaigns;
        this.visibility = visibility;
        this.partners = partners;
        this.service = service;
        this.counties = counties;
        this.forms = forms;
        this.flow = flow;
        this.audit = audit;
        this.messages = messages;
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
        return forms.render(request, FORM, form.values(), new FormErrors(), formExtras(form, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body CampaignForm form, Authentication authentication) {
        FormFlow.Page page = new FormFlow.Page(FORM, form.values(), () -> formExtras(form, null));
        return flow.create(request, form.submission(), page, errors -> validate(form, errors, null),
                draft -> "/campaigns/" + service.create(CurrentUser.of(authentication), draft, form.submission()).id(),
                "/campaigns");
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new ModelAndView<>("campaign/show", showModel(visible(id, user), user));
    }

    @Get("/{id}/edit")
    @Secured("ADMIN")
    HttpResponse<?> editForm(HttpRequest<?> request, long id) {
        Campaign campaign = find(id);
        CampaignForm form = CampaignForm.of(campaign, campaigns.partnerIds(id), campaigns.countyCodes(id));
        return forms.render(request, FORM, form.values(), new FormErrors(), formExtras(form, campaign));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body CampaignForm form, Authentication authentication) {
        Campaign stored = find(id);
        FormFlow.Page page = new FormFlow.Page(FORM, form.values(), () -> formExtras(form, stored));
        return flow.update(request, form.versionNumber(), page, errors -> validate(form, errors, id),
                draft -> service.update(CurrentUser.of(authentication), draft, form.closeReason()), "/campaigns/" + id);
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        Campaign campaign = find(id);
        CampaignService.Blockers blockers = service.delete(CurrentUser.of(authentication), id);
        if (!blockers.any()) {
            return HttpResponse.seeOther(URI.create("/campaigns?flash=deleted"));
        }
        Map<String, Object> model = showModel(campaign, CurrentUser.of(authentication));
        model.put("deleteError", whyNotDeleted(request, blockers));
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("campaign/show", model));
    }

    /** The form's draft, or null when the form has problems (noted in errors); the name must be unique. */
    private @Nullable CampaignForm.Draft validate(CampaignForm form, FormErrors errors, @Nullable Long id) {
        CampaignForm.Draft draft = form.validate(errors, id, partnerIds(), counties);
        if (draft != null && service.nameTaken(draft.campaign().name(), id)) {
            errors.add("name", "input.unique");
        }
        return draft;
    }

    /** A closed campaign says so; otherwise the records that still refer to it are counted. */
    private String whyNotDeleted(HttpRequest<?> request, CampaignService.Blockers blockers) {
        if (blockers.closed()) {
            return messages.get(request, "campaign.closed.noDelete");
        }
        String records = blockers.sessions() > 0 || blockers.beneficiaryLinks() > 0
                ? messages.get(request, "campaign.blockedBy", blockers.sessions(), blockers.beneficiaryLinks())
                : messages.get(request, "campaign.blockedByImports", blockers.imports());
        return messages.get(request, "delete.blocked", records);
    }

    private Campaign find(long id) {
        return campaigns.findById(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
    }

    /** The campaign if the user may see it; to anyone else it does not exist (404). */
    private Campaign visible(long id, CurrentUser user) {
        Campaign campaign = find(id);
        if (!visibility.visibleTo(user, id)) {
            throw new RecordNotFoundException("campaign", id);
        }
        return campaign;
    }

    private Map<String, Object> showModel(Campaign campaign, CurrentUser user) {
        long id = campaign.id();
        Set<Long> partnerIds = Set.copyOf(campaigns.partnerIds(id));
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("partners", partners.listOrderByName().stream().filter(p -> partnerIds.contains(p.id())).toList());
        model.put("counties", List.copyOf(counties.findAll(campaigns.countyCodes(id)).values()));
        model.put("history", audit.historyOf(CampaignService.AUDIT_TYPE, id));
        model.put("signOff", signOffs.counties(id).stream()
                .collect(Collectors.toMap(SignOffs.County::code, SignOffs.County::state)));
        model.put("tally", signOffs.tally(id));
        model.put("timeline", signOffs.timeline(id, user));
        return model;
    }

    private Set<Long> partnerIds() {
        return partners.listOrderByName().stream().map(Partner::id).collect(Collectors.toSet());
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

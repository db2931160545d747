package countylive.livestream;

import countylive.host.Platform;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.web.Figures;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import countylive.web.form.FormFlow;
import countylive.web.form.Refusal;
import countylive.web.form.Submissions;
import countylive.audit.RecordType;
import countylive.ledger.Ledger;
import countylive.ledger.SessionDraft;
import countylive.ledger.Submission;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Livestream sessions of a campaign. Coordinators see and change only their counties' sessions
 * (another county's session is a 404, as if it did not exist); association staff read them all.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class SessionController {

    private static final Set<String> SORTABLE = Set.of("liveDate", "countyCode", "platform", "views", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final LiveSessionRepository sessions;
    private final EntryLookups lookups;
    private final Ledger ledger;
    private final FormView forms;
    private final FormFlow flow;
    private final AuditTrail audit;
    private final Messages messages;
    private final Clock clock;
    private final SessionScope scope;
    private final Figures figures;

    @jakarta.inject.Inject
    PlatformFigures platformFigures;

    SessionController(LiveSessionRepository sessions, EntryLookups lookups, Ledger ledger, FormView forms,
                      FormFlow flow, AuditTrail audit, Messages messages, Clock clock, SessionScope scope,
                      Figures figures) {
        this.scope = scope;
        this.figures = figures;
        this.sessions = sessions;
        this.lookups = lookups;
        this.ledger = ledger;
        this.forms = forms;
        this.flow = flow;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Get("/campaigns/{campaignId}/sessions")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, long campaignId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        EntryLookups.CampaignRow campaign = scope.campaign(user, campaignId);
        List<EntryLookups.CountyRow> counties = scope.readableCounties(user, campaignId);
        ListQuery query = ListQuery.of(request, SORTABLE, "liveDate");
        var page = sessions.search(campaignId, SessionScope.codes(counties.stream().map(EntryLookups.CountyRow::code).toList()),
                query.hasSearch() ? query.likePattern() : "", query.pageable());
        Map<String, String> countyNames = counties.stream()
                .collect(Collectors.toMap(EntryLookups.CountyRow::code, EntryLookups.CountyRow::name));
        // a session missing from this map has no sale lines: the list marks it as awaiting its sales
        List<Long> shown = page.getContent().stream().map(LiveSession::id).toList();
        Map<Long, java.math.BigDecimal> grossBySession = shown.isEmpty() ? Map.of() : sessions.salesOf(shown).stream()
                .collect(Collectors.toMap(LiveSessionRepository.SessionSales::sessionId,
                        LiveSessionRepository.SessionSales::gross));
        SessionScope.Entry entry = scope.entry(request, user, campaignId);
        Map<String, Object> model = new HashMap<>(Map.of("page", page, "query", query, "campaign", campaign,
                "countyNames", countyNames, "grossBySession", grossBySession, "fig", figures, "mayAdd", !campaign.closed() && !entry.open().isEmpty(),
                "listPath", "/campaigns/" + campaignId + "/sessions"));
        if (entry.lockNotice() != null) {
            model.put("lockNotice", entry.lockNotice());
        }
        return new ModelAndView<>("livestream/list", model);
    }

    @Get("/campaigns/{campaignId}/sessions/new")
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> newForm(HttpRequest<?> request, long campaignId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        EntryLookups.CampaignRow campaign = scope.campaign(user, campaignId);
        SessionScope.Entry entry = scope.entry(request, user, campaignId);
        if (entry.own().isEmpty()) {
            throw new RecordNotFoundException("campaign", campaignId);
        }
        // every county of theirs held back by the sign-off: the form says so before anything is typed
        List<EntryLookups.CountyRow> counties = entry.open().isEmpty() ? entry.own() : entry.open();
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today.isBefore(campaign.startsOn()) || today.isAfter(campaign.endsOn()) ? campaign.startsOn() : today;
        SessionForm blank = SessionForm.blank(Submissions.newToken(), counties.size() == 1 ? counties.get(0).code() : null, day);
        Map<String, Object> extras = formExtras(campaign, counties, null);
        if (entry.open().isEmpty()) {
            extras.put("lockNotice", entry.lockNotice());
        }
        return forms.render(request, "livestream/form", blank.values(), new FormErrors(), extras);
    }

    @Post(value = "/campaigns/{campaignId}/sessions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> create(HttpRequest<?> request, long campaignId, @Body SessionForm form,
                           Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        EntryLookups.CampaignRow campaign = scope.campaign(user, campaignId);
        List<EntryLookups.CountyRow> counties = scope.editableCounties(user, campaignId);
        if (counties.isEmpty()) {
            throw new RecordNotFoundException("campaign", campaignId);
        }
        // only after the campaign check: a replayed form of someone else's must not lead to what it made
        FormFlow.Page page = new FormFlow.Page("livestream/form", form.values(), formExtras(campaign, counties, null));
        return flow.create(request, form.submission(), page, errors -> validate(form, errors, campaign, counties),
                draft -> "/sessions/" + ledger.createSession(user, draft,
                        new Submission(form.submission(), id -> "/sessions/" + id)),
                "/campaigns/" + campaignId + "/sessions");
    }

    @Get("/sessions/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LiveSession session = scope.readable(user, id);
        Map<String, Object> model = showModel(user, session);
        String lockNotice = user.mayEdit(session.countyCode()) ? scope.lockNotice(request, user, session) : null;
        if (lockNotice != null) {
            model.put("lockNotice", lockNotice);
            model.put("mayEdit", false);
        }
        return new ModelAndView<>("livestream/show", model);
    }

    @Get("/sessions/{id}/edit")
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> editForm(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LiveSession session = scope.editable(user, id);
        EntryLookups.CampaignRow campaign = lookups.campaign(session.campaignId()).orElseThrow();
        SessionForm form = SessionForm.of(session, sessions.hostIds(id), sessions.officialIds(id));
        Map<String, Object> extras = formExtras(campaign, scope.editableCounties(user, campaign.id()), id);
        String lockNotice = scope.lockNotice(request, user, session);
        if (lockNotice != null) {
            extras.put("lockNotice", lockNotice);
        }
        return forms.render(request, "livestream/form", form.values(), new FormErrors(), extras);
    }

    @Post(value = "/sessions/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body SessionForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LiveSession stored = scope.editable(user, id);
        EntryLookups.CampaignRow campaign = lookups.campaign(stored.campaignId()).orElseThrow();
        List<EntryLookups.CountyRow> counties = scope.editableCounties(user, campaign.id());
        FormFlow.Page page = new FormFlow.Page("livestream/form", form.values(), formExtras(campaign, counties, id));
        return flow.update(request, form.versionNumber(), page, errors -> validate(form, errors, campaign, counties),
                draft -> ledger.updateSession(user, id, form.versionNumber(), draft), "/sessions/" + id);
    }

    @Post(value = "/sessions/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LiveSession session = scope.editable(user, id);
        return flow.delete(request, () -> ledger.deleteSession(user, id),
                "/campaigns/" + session.campaignId() + "/sessions",
                new FormFlow.Page("livestream/show", Map.of(), () -> showModel(user, session)));
    }

    /** The session the form describes; a closed campaign refuses the form as a whole (409). */
    private @Nullable SessionDraft validate(SessionForm form, FormErrors errors, EntryLookups.CampaignRow campaign,
                                            List<EntryLookups.CountyRow> counties) {
        if (campaign.closed()) {
            throw Refusal.conflict(null, "session.campaignClosed");
        }
        Set<String> codes = counties.stream().map(EntryLookups.CountyRow::code).collect(Collectors.toSet());
        Set<Long> hostIds = lookups.hosts().stream().map(EntryLookups.HostRow::id).collect(Collectors.toSet());
        Map<Long, String> officialCounties = lookups.officialsOf(codes).stream()
                .collect(Collectors.toMap(EntryLookups.OfficialRow::id, EntryLookups.OfficialRow::countyCode));
        return form.validate(errors, new SessionForm.Context(campaign, codes, hostIds, officialCounties));
    }

    private Map<String, Object> showModel(CurrentUser user, LiveSession session) {
        EntryLookups.CampaignRow campaign = lookups.campaign(session.campaignId()).orElseThrow();
        List<Long> hostIds = sessions.hostIds(session.id());
        List<Long> officialIds = sessions.officialIds(session.id());
        Map<String, Object> model = new HashMap<>();
        model.put("liveSession", session);
        model.put("fig", figures);
        model.put("campaign", campaign);
        model.put("countyName", EntryLookups.nameOf(lookups.counties(List.of(session.countyCode())), session.countyCode()));
        model.put("hosts", hostIds.isEmpty() ? List.of() : lookups.hostsById(hostIds));
        model.put("officials", officialIds.isEmpty() ? List.of() : lookups.officialsById(officialIds));
        model.put("mayEdit", user.mayEdit(session.countyCode()) && !campaign.closed());
        model.put("history", audit.historyOf(RecordType.LIVE_SESSION, session.id()));
        model.put("platformFigures", platformFigures.of(session.id()));
        return model;
    }

    private Map<String, Object> formExtras(EntryLookups.CampaignRow campaign, List<EntryLookups.CountyRow> counties,
                                           @Nullable Long id) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("campaign", campaign);
        extras.put("counties", counties);
        extras.put("platforms", List.of(Platform.values()));
        extras.put("allHosts", lookups.hosts());
        extras.put("allOfficials", counties.isEmpty() ? List.of()
                : lookups.officialsOf(counties.stream().map(EntryLookups.CountyRow::code).toList()));
        extras.put("closed", campaign.closed());
        if (id != null) {
            extras.put("sessionId", id);
        }
        return extras;
    }
}

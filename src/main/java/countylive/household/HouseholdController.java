package countylive.household;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.web.ListQuery;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.ledger.Ledger;
import countylive.ledger.Submission;
import countylive.web.form.FormFlow;
import countylive.web.form.FormView;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registered poor households. Names and registration numbers are personal data: coordinators see
 * their counties' households, administrators all; association staff get only counts per county
 * on the list and 403 on every single household.
 */
@Controller(value = "/households", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class HouseholdController {

    private static final Set<String> SORTABLE = Set.of("registrationNo", "countyCode", "village", "headName", "members", "updatedAt");

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final HouseholdRepository households;
    private final Ledger ledger;
    private final HouseholdPages pages;
    private final FormView forms;
    private final FormFlow flow;

    HouseholdController(HouseholdRepository households, Ledger ledger, HouseholdPages pages, FormView forms,
                        FormFlow flow) {
        this.households = households;
        this.ledger = ledger;
        this.pages = pages;
        this.forms = forms;
        this.flow = flow;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (user.role() == Role.ASSOCIATION) {
            return new ModelAndView<>("household/counts", Map.of("counts", households.countsPerCounty()));
        }
        ListQuery query = ListQuery.of(request, SORTABLE, "registrationNo");
        boolean all = user.isAdmin();
        var page = households.search(all, all || user.countyCodes().isEmpty() ? List.of("-") : List.copyOf(user.countyCodes()),
                query.hasSearch() ? query.likePattern() : "", query.pageable());
        Set<String> shown = page.getContent().stream().map(Household::countyCode).collect(Collectors.toSet());
        Map<String, String> countyNames = shown.isEmpty() ? Map.of() : households.counties(shown).stream()
                .collect(Collectors.toMap(HouseholdRepository.CountyRow::code, HouseholdRepository.CountyRow::name));
        return new ModelAndView<>("household/list", Map.of("page", page, "query", query, "countyNames", countyNames));
    }

    @Get("/new")
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> newForm(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        List<HouseholdRepository.CountyRow> counties = counties(user);
        HouseholdForm blank = HouseholdForm.blank(Submissions.newToken(), counties.size() == 1 ? counties.get(0).code() : null);
        return forms.render(request, "household/form", blank.values(), new FormErrors(), formExtras(counties, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> create(HttpRequest<?> request, @Body HouseholdForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        List<HouseholdRepository.CountyRow> counties = counties(user);
        FormFlow.Page page = new FormFlow.Page("household/form", form.values(), formExtras(counties, null));
        return flow.create(request, form.submission(), page, errors -> form.validate(errors, codes(counties)),
                draft -> "/households/" + ledger.createHousehold(user, draft,
                        new Submission(form.submission(), id -> "/households/" + id)),
                "/households");
    }

    @Get("/{id}")
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> show(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Household household = pages.editable(user, id);
        return forms.render(request, "household/show", LinkForm.blank(Submissions.newToken()).values(), new FormErrors(),
                pages.showModel(user, household));
    }

    @Get("/{id}/edit")
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> editForm(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Household household = pages.editable(user, id);
        return forms.render(request, "household/form", HouseholdForm.of(household).values(), new FormErrors(),
                formExtras(counties(user), id));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body HouseholdForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        pages.editable(user, id);
        List<HouseholdRepository.CountyRow> counties = counties(user);
        FormFlow.Page page = new FormFlow.Page("household/form", form.values(), formExtras(counties, id));
        return flow.update(request, form.versionNumber(), page, errors -> form.validate(errors, codes(counties)),
                draft -> ledger.updateHousehold(user, id, form.versionNumber(), draft), "/households/" + id);
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Household household = pages.editable(user, id);
        return flow.delete(request, () -> ledger.deleteHousehold(user, id), "/households",
                new FormFlow.Page("household/show", LinkForm.blank(Submissions.newToken()).values(),
                        () -> pages.showModel(user, household)));
    }

    private static Set<String> codes(List<HouseholdRepository.CountyRow> counties) {
        return counties.stream().map(HouseholdRepository.CountyRow::code).collect(Collectors.toSet());
    }

    /** The counties the user may register households in. */
    private List<HouseholdRepository.CountyRow> counties(CurrentUser user) {
        if (user.isAdmin()) {
            return households.allCounties();
        }
        return user.countyCodes().isEmpty() ? List.of() : households.counties(user.countyCodes());
    }

    private static Map<String, Object> formExtras(List<HouseholdRepository.CountyRow> counties, @Nullable Long id) {
        return id == null ? Map.of("counties", counties) : Map.of("counties", counties, "householdId", id);
    }
}

package countylive.household;

import countylive.account.CurrentUser;
import countylive.account.Role;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
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
    private final HouseholdService service;
    private final HouseholdPages pages;
    private final FormView forms;
    private final Messages messages;
    private final Submissions submissions;

    HouseholdController(HouseholdRepository households, HouseholdService service, HouseholdPages pages, FormView forms,
                        Messages messages, Submissions submissions) {
        this.households = households;
        this.service = service;
        this.pages = pages;
        this.forms = forms;
        this.messages = messages;
        this.submissions = submissions;
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
        var previous = submissions.previousResult(form.submission());
        if (previous.isPresent()) {
            return HttpResponse.seeOther(URI.create(previous.get()));
        }
        CurrentUser user = CurrentUser.of(authentication);
        List<HouseholdRepository.CountyRow> counties = counties(user);
        FormErrors errors = new FormErrors();
        Household household = validate(form, errors, counties, null);
        if (!errors.isEmpty()) {
            return forms.render(request, "household/form", form.values(), errors, formExtras(counties, null));
        }
        try {
            Household saved = service.create(user, household, form.submission());
            return HttpResponse.seeOther(URI.create("/households/" + saved.id() + "?flash=created"));
        } catch (Submissions.AlreadySubmitted e) {
            return HttpResponse.seeOther(URI.create(e.resultPath() == null ? "/households" : e.resultPath()));
        } catch (DataAccessException e) {
            // two registrations of the same number at the same moment: the unique key refused the second
            return registrationRace(request, form, e, counties, null);
        }
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
        Household stored = pages.editable(user, id);
        List<HouseholdRepository.CountyRow> counties = counties(user);
        FormErrors errors = new FormErrors();
        Household household = validate(form, errors, counties, id);
        if (household != null && !household.countyCode().equals(stored.countyCode()) && households.countLinks(id) > 0) {
            // a link's county is its household's: moving the household would break the campaign's figures
            errors.add("county", "household.countyHasLinks");
        }
        if (household != null && household.version() == null) {
            errors.add("_form", "form.staleVersion");
        }
        if (!errors.isEmpty()) {
            return forms.render(request, "household/form", form.values(), errors, formExtras(counties, id));
        }
        try {
            service.update(user, household);
            return HttpResponse.seeOther(URI.create("/households/" + id + "?flash=saved"));
        } catch (OptimisticLockException e) {
            errors.add("_form", "form.staleVersion");
            return forms.render(request, HttpStatus.CONFLICT, "household/form", form.values(), errors, formExtras(counties, id));
        } catch (DataAccessException e) {
            return registrationRace(request, form, e, counties, id);
        }
    }

    private HttpResponse<?> registrationRace(HttpRequest<?> request, HouseholdForm form, DataAccessException e,
                                             List<HouseholdRepository.CountyRow> counties, @Nullable Long id) {
        FormErrors errors = new FormErrors();
        service.registeredIn(form.registrationNo() == null ? "" : form.registrationNo().strip(), id)
                .ifPresentOrElse(county -> errors.add("registrationNo", "household.registrationTaken", county), () -> {
                    throw e;
                });
        return forms.render(request, "household/form", form.values(), errors, formExtras(counties, id));
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "COORDINATOR"})
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Household household = pages.editable(user, id);
        long links = service.delete(user, id);
        if (links > 0) {
            Map<String, Object> model = new HashMap<>(pages.showModel(user, household));
            model.put("deleteError", messages.get(request, "delete.blocked", messages.get(request, "household.blockedBy", links)));
            return forms.render(request, HttpStatus.CONFLICT, "household/show",
                    LinkForm.blank(Submissions.newToken()).values(), new FormErrors(), model);
        }
        return HttpResponse.seeOther(URI.create("/households?flash=deleted"));
    }

    private @Nullable Household validate(HouseholdForm form, FormErrors errors, List<HouseholdRepository.CountyRow> counties,
                                         @Nullable Long id) {
        Set<String> codes = counties.stream().map(HouseholdRepository.CountyRow::code).collect(Collectors.toSet());
        Household household = form.validate(errors, codes, id);
        if (household != null) {
            service.registeredIn(household.registrationNo(), id)
                    .ifPresent(county -> errors.add("registrationNo", "household.registrationTaken", county));
        }
        return errors.isEmpty() ? household : null;
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

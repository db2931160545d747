package countylive.household;

import countylive.access.CurrentUser;
import countylive.campaign.SignOffs;
import countylive.ledger.Ledger;
import countylive.ledger.LinkDraft;
import countylive.ledger.Submission;
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
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A household's links to campaigns. The add form sits on the household page; a link may only
 * name a campaign its household's county takes part in and a product of that county.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR"})
@CsrfProtected
class LinkController {

    @Serdeable
    record DeleteForm(@Nullable String csrf) implements CsrfForm {
    }

    private final LinkRepository links;
    private final Ledger ledger;
    private final HouseholdPages pages;
    private final FormView forms;
    private final FormFlow flow;
    private final SignOffs signOffs;

    LinkController(LinkRepository links, Ledger ledger, HouseholdPages pages, FormView forms, FormFlow flow,
                   SignOffs signOffs) {
        this.signOffs = signOffs;
        this.links = links;
        this.ledger = ledger;
        this.pages = pages;
        this.forms = forms;
        this.flow = flow;
    }

    @Post(value = "/households/{id}/links", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, long id, @Body LinkForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Household household = pages.editable(user, id);
        FormFlow.Page page = new FormFlow.Page("household/show", form.values(), () -> pages.showModel(user, household));
        String householdPath = "/households/" + id;
        return flow.save(request, form.submission(), page, errors -> validate(form, errors, household), draft -> {
            ledger.createLink(user, id, draft, new Submission(form.submission(), link -> householdPath));
            return householdPath + "?flash=saved";
        }, householdPath);
    }

    @Get("/beneficiary-links/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BeneficiaryLink link = editable(user, id);
        Household household = pages.editable(user, link.householdId());
        Map<String, Object> extras = linkExtras(user, household, id);
        // the sign-off holds the link's campaign county back: the form says so before anything is typed
        signOffs.lockNotice(request, user, link.campaignId(), link.countyCode())
                .ifPresent(notice -> extras.put("lockNotice", notice));
        return forms.render(request, "household/link-form", LinkForm.of(link).values(), new FormErrors(), extras);
    }

    @Post(value = "/beneficiary-links/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body LinkForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BeneficiaryLink stored = editable(user, id);
        Household household = pages.editable(user, stored.householdId());
        FormFlow.Page page = new FormFlow.Page("household/link-form", form.values(),
                () -> linkExtras(user, household, id));
        return flow.update(request, form.versionNumber(), page, errors -> validate(form, errors, household),
                draft -> ledger.updateLink(user, id, form.versionNumber(), draft), "/households/" + household.id());
    }

    @Post(value = "/beneficiary-links/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BeneficiaryLink link = editable(user, id);
        Household household = pages.editable(user, link.householdId());
        return flow.delete(request, () -> ledger.deleteLink(user, id), "/households/" + household.id(),
                new FormFlow.Page("household/show", LinkForm.blank(Submissions.newToken()).values(),
                        () -> pages.showModel(user, household)));
    }

    /** The link the form describes: a campaign of the household's county, a product of it. */
    private @Nullable LinkDraft validate(LinkForm form, FormErrors errors, Household household) {
        Set<Long> campaigns = links.campaignsOf(household.countyCode()).stream().map(LinkRepository.Option::id)
                .collect(Collectors.toSet());
        Set<Long> products = links.productsOf(household.countyCode()).stream().map(LinkRepository.Option::id)
                .collect(Collectors.toSet());
        return form.validate(errors, campaigns, products);
    }

    private BeneficiaryLink editable(CurrentUser user, long id) {
        return links.findById(id).filter(l -> user.mayEdit(l.countyCode()))
                .orElseThrow(() -> new RecordNotFoundException("beneficiary_link", id));
    }

    private Map<String, Object> linkExtras(CurrentUser user, Household household, long linkId) {
        Map<String, Object> extras = new HashMap<>(pages.showModel(user, household));
        extras.put("linkId", linkId);
        extras.put("allCampaigns", links.campaignsOf(household.countyCode()));
        return extras;
    }
}

package countylive.household;

import countylive.account.CurrentUser;
import countylive.livestream.CampaignClosedException;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormErrors;
import countylive.web.form.FormView;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
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
    private final LinkService service;
    private final HouseholdPages pages;
    private final FormView forms;
    private final Submissions submissions;

    LinkController(LinkRepository links, LinkService service, HouseholdPages pages, FormView forms, Submissions submissions) {
        this.links = links;
        this.service = service;
        this.pages = pages;
        this.forms = forms;
        this.submissions = submissions;
    }

    @Post(value = "/households/{id}/links", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, long id, @Body LinkForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Household household = pages.editable(user, id);
        var previous = submissions.previousResult(form.submission());
        if (previous.isPresent()) {
            return HttpResponse.seeOther(URI.create(previous.get()));
        }
        FormErrors errors = new FormErrors();
        BeneficiaryLink link = validate(form, errors, household, null);
        if (!errors.isEmpty()) {
            return forms.render(request, "household/show", form.values(), errors, pages.showModel(user, household));
        }
        try {
            service.create(user, link, form.submission());
            return HttpResponse.seeOther(URI.create("/households/" + id + "?flash=saved"));
        } catch (Submissions.AlreadySubmitted e) {
            return HttpResponse.seeOther(URI.create("/households/" + id));
        } catch (CampaignClosedException e) {
            errors.add("_form", "session.campaignClosed");
            return forms.render(request, HttpStatus.CONFLICT, "household/show", form.values(), errors,
                    pages.showModel(user, household));
        }
    }

    @Get("/beneficiary-links/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BeneficiaryLink link = editable(user, id);
        Household household = pages.editable(user, link.householdId());
        return forms.render(request, "household/link-form", LinkForm.of(link).values(), new FormErrors(),
                linkExtras(user, household, id));
    }

    @Post(value = "/beneficiary-links/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, long id, @Body LinkForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BeneficiaryLink stored = editable(user, id);
        Household household = pages.editable(user, stored.householdId());
        FormErrors errors = new FormErrors();
        BeneficiaryLink link = validate(form, errors, household, id);
        if (link != null && link.version() == null) {
            errors.add("_form", "form.staleVersion");
        }
        if (!errors.isEmpty()) {
            return forms.render(request, "household/link-form", form.values(), errors, linkExtras(user, household, id));
        }
        try {
            service.update(user, link);
            return HttpResponse.seeOther(URI.create("/households/" + household.id() + "?flash=saved"));
        } catch (OptimisticLockException e) {
            errors.add("_form", "form.staleVersion");
        } catch (CampaignClosedException e) {
            errors.add("_form", "session.campaignClosed");
        }
        return forms.render(request, HttpStatus.CONFLICT, "household/link-form", form.values(), errors,
                linkExtras(user, household, id));
    }

    @Post(value = "/beneficiary-links/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> request, long id, @Body DeleteForm form, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BeneficiaryLink link = editable(user, id);
        Household household = pages.editable(user, link.householdId());
        try {
            service.delete(user, link);
            return HttpResponse.seeOther(URI.create("/households/" + household.id() + "?flash=deleted"));
        } catch (CampaignClosedException e) {
            FormErrors errors = new FormErrors();
            errors.add("_form", "session.campaignClosed");
            return forms.render(request, HttpStatus.CONFLICT, "household/show",
                    LinkForm.blank(Submissions.newToken()).values(), errors, pages.showModel(user, household));
        }
    }

    private @Nullable BeneficiaryLink validate(LinkForm form, FormErrors errors, Household household, @Nullable Long id) {
        Set<Long> campaigns = links.campaignsOf(household.countyCode()).stream().map(LinkRepository.Option::id)
                .collect(Collectors.toSet());
        Set<Long> products = links.productsOf(household.countyCode()).stream().map(LinkRepository.Option::id)
                .collect(Collectors.toSet());
        BeneficiaryLink link = form.validate(errors, household, campaigns, products, id);
        if (link != null && links.countSame(link.campaignId(), household.id(), link.productId(), id == null ? -1 : id) > 0) {
            errors.add("product", "household.linkExists");
            return null;
        }
        return link;
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

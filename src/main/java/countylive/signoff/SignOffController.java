package countylive.signoff;

import countylive.access.CurrentUser;
import countylive.access.Role;
import countylive.campaign.CampaignInfo;
import countylive.campaign.Campaigns;
import countylive.campaign.SignOffAction;
import countylive.campaign.SignOffs;
import countylive.ledger.Ledger;
import countylive.ledger.SignOffChange;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import countylive.web.form.FormView;
import countylive.web.form.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
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
import java.util.TreeSet;

/**
 * A campaign's sign-off page: each county's state, the steps the user may take, and the timeline.
 * Coordinators see and submit their own counties; association staff and administrators see every
 * county and accept or return them, one by one or several at once; administrators also reopen
 * accepted counties. Every step goes through the ledger, which checks it again under the
 * counties' locks.
 */
@Controller(value = "/campaigns/{id}/sign-off", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class SignOffController {

    private static final String PAGE = "signoff/page";

    /** The counties ticked (for a step on several), and the reason. */
    @Serdeable
    record StepForm(@Nullable List<String> county, @Nullable String reason, @Nullable String csrf) implements CsrfForm {
    }

    private final Campaigns campaigns;
    private final SignOffs signOffs;
    private final Ledger ledger;
    private final FormView forms;

    SignOffController(Campaigns campaigns, SignOffs signOffs, Ledger ledger, FormView forms) {
        this.campaigns = campaigns;
        this.signOffs = signOffs;
        this.ledger = ledger;
        this.forms = forms;
    }

    @Get
    ModelAndView<Map<String, Object>> page(long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new ModelAndView<>(PAGE, model(visible(id, user), user, Set.of(), ""));
    }

    /** A step for the ticked counties. */
    @Post(value = "/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> step(HttpRequest<?> request, long id, String action, @Body StepForm form,
                         Authentication authentication) {
        return take(request, id, action, form.county() == null ? Set.of() : new TreeSet<>(form.county()), form,
                CurrentUser.of(authentication));
    }

    /** A step for one county: the button on its row. */
    @Post(value = "/{action}/{county}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> stepOne(HttpRequest<?> request, long id, String action, String county, @Body StepForm form,
                            Authentication authentication) {
        return take(request, id, action, Set.of(county), form, CurrentUser.of(authentication));
    }

    private HttpResponse<?> take(HttpRequest<?> request, long id, String actionName, Set<String> counties,
                                 StepForm form, CurrentUser user) {
        CampaignInfo campaign = visible(id, user);
        SignOffAction action = SignOffAction.parse(actionName);
        if (action == null) {
            throw new RecordNotFoundException("sign-off step", actionName);
        }
        for (String county : counties) {
            if (!user.mayRead(county)) {
                // another county's records do not exist for a coordinator
                throw new RecordNotFoundException("campaign county", county);
            }
            if (!action.allowedTo(user, county)) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN, "not this user's step");
            }
        }
        String reason = form.reason() == null ? "" : form.reason();
        try {
            int moved = ledger.signOff(user, new SignOffChange(id, action, counties, reason));
            String flash = moved == 0 ? "unchanged" : switch (action) {
                case SUBMIT -> "submitted";
                case ACCEPT -> "accepted";
                case RETURN -> "returned";
                case REOPEN -> "reopened";
            };
            return HttpResponse.seeOther(URI.create("/campaigns/" + id + "/sign-off?flash=" + flash));
        } catch (Refusal refusal) {
            Map<String, Object> model = model(campaign, user, counties, reason);
            String message = forms.message(request, refusal);
            boolean aboutReason = refusal.problems().stream().anyMatch(p -> "reason".equals(p.field()));
            model.put(aboutReason ? "reasonError" : "stepError", message);
            HttpStatus status = refusal.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_ENTITY;
            return HttpResponse.status(status).body(new ModelAndView<>(PAGE, model));
        }
    }

    private CampaignInfo visible(long id, CurrentUser user) {
        CampaignInfo campaign = campaigns.find(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
        if (!campaigns.visibleTo(user, id)) {
            throw new RecordNotFoundException("campaign", id);
        }
        return campaign;
    }

    /** The page, with what the user ticked and typed when a step was refused. */
    private Map<String, Object> model(CampaignInfo campaign, CurrentUser user, Set<String> ticked, String reason) {
        List<SignOffs.County> counties = signOffs.counties(campaign.id()).stream()
                .filter(county -> user.mayRead(county.code())).toList();
        List<SignOffs.Event> timeline = signOffs.timeline(campaign.id(), user);
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("counties", counties);
        model.put("tally", signOffs.tally(campaign.id()));
        model.put("timeline", timeline);
        model.put("ticked", ticked);
        model.put("reason", reason);
        model.put("reviews", user.role() != Role.COORDINATOR);
        model.put("actions", SignOffAction.values());
        model.put("user", user);
        return model;
    }
}

package countylive.livestream;

import countylive.access.CurrentUser;
import countylive.access.Role;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/** Where session entry starts: the campaigns the user's counties take part in (all for the others). */
@Controller(value = "/sessions", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
class CampaignPickerController {

    private final EntryLookups lookups;

    CampaignPickerController(EntryLookups lookups) {
        this.lookups = lookups;
    }

    @Get
    ModelAndView<Map<String, Object>> campaigns(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean all = user.role() != Role.COORDINATOR;
        return new ModelAndView<>("livestream/campaigns", Map.of(
                "campaigns", lookups.campaignsFor(all, all ? List.of("-") : SessionScope.codes(user.countyCodes()))));
    }
}

package countylive.home;

import countylive.access.CurrentUser;
import countylive.integrity.IntegrityWarnings;
import countylive.integrity.Severity;
import countylive.web.Figures;
import countylive.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page after login: each role's work list. A coordinator's is read for their counties only;
 * association staff see the campaigns running now; administrators what needs setting up and the
 * integrity checks' warnings.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
class HomeController {

    /** Findings shown per integrity check here; the integrity page lists the rest. */
    static final int FINDINGS_SHOWN = 3;

    /** An integrity warning in the reader's language. */
    record Warning(String code, Severity severity, String title, long found, boolean failed, List<Finding> findings) {
    }

    record Finding(String text, String link) {
    }

    private final CoordinatorWork coordinators;
    private final AssociationWork association;
    private final AdministratorWork administrators;
    private final IntegrityWarnings integrity;
    private final Messages messages;
    private final Figures figures;
    private final Clock clock;

    HomeController(CoordinatorWork coordinators, AssociationWork association, AdministratorWork administrators,
                   IntegrityWarnings integrity, Messages messages, Figures figures, Clock clock) {
        this.coordinators = coordinators;
        this.association = association;
        this.administrators = administrators;
        this.integrity = integrity;
        this.messages = messages;
        this.figures = figures;
        this.clock = clock;
    }

    @Get
    @View("home")
    Map<String, Object> home(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Object> model = new HashMap<>();
        model.put("fig", figures);
        model.put("today", now.toLocalDate());
        switch (user.role()) {
            case COORDINATOR -> model.put("coordinatorWork", coordinators.of(user, now));
            case ASSOCIATION -> model.put("running", association.running(now.toLocalDate()));
            case ADMIN -> administratorModel(model, messages.locale(request), now.toLocalDate());
        }
        return model;
    }

    private void administratorModel(Map<String, Object> model, Locale locale, LocalDate today) {
        model.put("toSetUp", administrators.campaignsToSetUp(today));
        model.put("running", association.running(today));
        model.put("accounts", administrators.accounts());
        model.put("coordinatorsWithoutCounty", administrators.coordinatorsWithoutCounty());
        IntegrityWarnings.Latest latest = integrity.latest(FINDINGS_SHOWN);
        model.put("checksRanAt", latest.ranAt());
        model.put("warnings", latest.warnings().stream().map(warning -> new Warning(warning.code(), warning.severity(),
                messages.get(locale, warning.titleKey()), warning.found(), warning.failed(),
                warning.first().stream().map(finding -> new Finding(
                        messages.get(locale, finding.key(), finding.arguments().toArray()), finding.link())).toList()))
                .toList());
    }
}

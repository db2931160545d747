package countylive.integrity;

import countylive.web.Messages;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
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
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The integrity checks for administrators: each check's latest result (of the nightly job or of
 * the button), with its severity, what to do, and links to the offending records; and the button
 * that runs them all now.
 */
@Controller(value = "/integrity", produces = MediaType.TEXT_HTML)
@Secured("ADMIN")
@CsrfProtected
class IntegrityController {

    @Serdeable
    record RunForm(@Nullable String csrf) implements CsrfForm {
    }

    /** A finding as the page shows it: its text in the reader's language. */
    record Line(String text, String link, @Nullable String repair) {
    }

    /** A check as the page shows it; {@code result} is null before its first run. */
    record Shown(String code, Severity severity, String title, String what, CheckResults.@Nullable Result result,
                 List<Line> lines, long more) {
    }

    private final IntegrityChecks checks;
    private final CheckResults results;
    private final Messages messages;

    IntegrityController(IntegrityChecks checks, CheckResults results, Messages messages) {
        this.checks = checks;
        this.results = results;
        this.messages = messages;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
        Locale locale = messages.locale(request);
        Map<String, CheckResults.Result> latest = results.latest();
        List<Shown> shown = IntegrityChecks.ALL.stream().map(check -> {
            CheckResults.Result result = latest.get(check.code());
            List<Line> lines = result == null ? List.of() : result.findings().stream()
                    .map(finding -> new Line(messages.get(locale, finding.key(), finding.arguments().toArray()),
                            finding.link(), finding.repair()))
                    .toList();
            return new Shown(check.code(), check.severity(), messages.get(locale, "integrity." + check.code() + ".title"),
                    messages.get(locale, "integrity." + check.code() + ".what"), result, lines,
                    result == null ? 0 : result.found() - lines.size());
        }).toList();
        return new ModelAndView<>("integrity/page", Map.of("checks", shown));
    }

    @Post(value = "/run", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> run(@Body RunForm form, Authentication authentication) {
        checks.runAll(authentication.getName());
        return HttpResponse.seeOther(URI.create("/integrity?flash=checked"));
    }
}

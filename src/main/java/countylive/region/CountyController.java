package countylive.region;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.trace.Activity;
import countylive.web.Figures;
import countylive.web.ListQuery;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Counties: everyone signed in reads them; administrators set the poverty-county flag. */
@Controller(value = "/counties", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class CountyController {

    private static final Set<String> SORTABLE = Set.of("code", "name", "provinceCode", "povertyCounty");

    /** The flag's checkbox sends "on" when ticked and nothing when not. */
    @Serdeable
    record PovertyForm(@Nullable String poverty, @Nullable String exitYear, @Nullable String version,
                       @Nullable String csrf) implements CsrfForm {

        /** The year typed, or null when blank; a year outside 2013-2030 or not a number is refused. */
        @Nullable Integer exitYearNumber() {
            if (exitYear == null || exitYear.isBlank()) {
                return null;
            }
            String text = exitYear.strip();
            int year = text.matches("\\d{4}") ? Integer.parseInt(text) : 0;
            if (year < 2013 || year > 2030) {
                throw new NumberFormatException(text);
            }
            return year;
        }

        boolean ticked() {
            return poverty != null && !poverty.isBlank() && !"false".equals(poverty);
        }

        @Nullable Integer versionNumber() {
            return version != null && version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
        }
    }

    private final CountyRepository counties;
    private final Counties lookup;
    private final CountyService service;
    private final AuditTrail audit;
    private final Messages messages;

    private final Activity activity;
    private final Figures figures;

    CountyController(CountyRepository counties, Counties lookup, CountyService service, AuditTrail audit,
                     Messages messages, Activity activity,
                     Figures figures) {
        this.activity = activity;
        this.figures = figures;
        this.counties = counties;
        this.lookup = lookup;
        this.service = service;
        this.audit = audit;
        this.messages = messages;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request, SORTABLE, "code");
        var provinces = lookup.provinces();
        String province = request.getParameters().getFirst("province")
                .filter(p -> provinces.stream().anyMatch(known -> known.code().equals(p))).orElse("");
        var page = counties.search(query.likePattern(), province, query.pageable());
        Map<String, String> provinceNames = provinces.stream()
                .collect(Collectors.toMap(Province::code, Province::name));
        return new ModelAndView<>("region/list", Map.of("page", page, "query", query, "province", province,
                "provinces", provinces, "provinceNames", provinceNames));
    }

    @Get("/{code}")
    ModelAndView<Map<String, Object>> show(String code, Authentication authentication) {
        Map<String, Object> model = showModel(code, null);
        model.put("activity", activity.of(Activity.Of.COUNTY, code, CurrentUser.of(authentication)));
        model.put("fig", figures);
        return new ModelAndView<>("region/show", model);
    }

    @Post(value = "/{code}/poverty", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> setPoverty(HttpRequest<?> request, String code, @Body PovertyForm form,
                               Authentication authentication) {
        showModel(code, null); // 404 for an unknown county
        Integer version = form.versionNumber();
        Integer exitYear;
        try {
            exitYear = form.exitYearNumber();
        } catch (NumberFormatException e) {
            Map<String, Object> model = showModel(code, null);
            model.put("exitYearError", messages.get(request, "county.exitYear.invalid"));
            model.put("exitYearTyped", form.exitYear());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("region/show", model));
        }
        try {
            if (version == null) {
                throw new OptimisticLockException("no version");
            }
            service.setPoverty(CurrentUser.of(authentication), code, form.ticked(), exitYear, version);
            return HttpResponse.seeOther(URI.create("/counties/" + code + "?flash=saved"));
        } catch (OptimisticLockException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("region/show",
                    showModel(code, messages.get(request, "form.staleVersion"))));
        }
    }

    private Map<String, Object> showModel(String code, @Nullable String error) {
        CountyInfo info = lookup.find(code).orElseThrow(() -> new RecordNotFoundException("county", code));
        County county = counties.findById(code).orElseThrow(() -> new RecordNotFoundException("county", code));
        Map<String, Object> model = new HashMap<>();
        model.put("county", info);
        model.put("version", county.version());
        model.put("history", audit.historyOf(CountyService.AUDIT_TYPE, code));
        if (error != null) {
            model.put("povertyError", error);
        }
        return model;
    }
}

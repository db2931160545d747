package countylive.platform;

import countylive.access.CurrentUser;
import countylive.campaign.SignOffs;
import countylive.excel.ImportScope;
import countylive.ledger.Ledger;
import countylive.ledger.PlatformImport;
import countylive.ledger.Submission;
import countylive.web.Figures;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfExempt;
import countylive.web.csrf.CsrfInterceptor;
import countylive.web.csrf.CsrfProtected;
import countylive.web.csrf.CsrfRejectedException;
import countylive.web.form.Refusal;
import countylive.web.form.Submissions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "从平台导入": a coordinator uploads a platform's own exports for a campaign county, sees a preview
 * of every session (matched or new, what would change, from → to), answers what could not be
 * matched, and confirms; the ledger writes it all or nothing. The upload is kept in the database
 * between the steps, under a token that is also the confirmation's one-time submission.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR"})
@CsrfProtected
class PlatformImportController {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformImportController.class);

    private final ImportScope scopes;
    private final PlatformUploads uploads;
    private final PreviewStore store;
    private final PreviewBuilder builder;
    private final Ledger ledger;
    private final Messages messages;
    private final Figures figures;
    private final SignOffs signOffs;
    private final JsonMapper json;

    PlatformImportController(ImportScope scopes, PlatformUploads uploads, PreviewStore store, PreviewBuilder builder,
                             Ledger ledger, Messages messages, Figures figures, SignOffs signOffs, JsonMapper json) {
        this.scopes = scopes;
        this.uploads = uploads;
        this.store = store;
        this.builder = builder;
        this.ledger = ledger;
        this.messages = messages;
        this.figures = figures;
        this.signOffs = signOffs;
        this.json = json;
    }

    @Get("/campaigns/{id}/platform-import")
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        ImportScope.Scope scope = scopes.of(user, id);
        Map<String, Object> model = uploadModel(scope, null);
        model.put("lockNotices", signOffs.lockNotices(request, user, id, scope.counties().keySet()));
        return new ModelAndView<>("platform/upload", model);
    }

    /** The files, checked and read; a preview to confirm, or the problems and nothing kept. */
    @Post(value = "/campaigns/{id}/platform-import", consumes = MediaType.MULTIPART_FORM_DATA)
    @CsrfExempt // the token is among the parts, checked below once they have arrived
    HttpResponse<?> upload(HttpRequest<?> request, long id, @Body MultipartBody body, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, String> fields = new HashMap<>();
        List<PreviewStore.Upload> files = new ArrayList<>();
        for (CompletedPart part : Flux.from(body).collectList().blockOptional().orElse(List.of())) {
            try {
                if (part instanceof CompletedFileUpload file) {
                    if (file.getFilename() != null && !file.getFilename().isBlank() || file.getSize() > 0) {
                        files.add(new PreviewStore.Upload(fileName(file.getFilename()), file.getBytes()));
                    }
                } else {
                    fields.put(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("an upload part could not be read", e);
            }
        }
        if (!CsrfInterceptor.accepts(request, fields.get("csrf"))) {
            throw new CsrfRejectedException();
        }
        ImportScope.Scope scope = scopes.of(user, id);
        Locale locale = messages.locale(request);
        String county = fields.get("county");
        if (county == null || !scope.counties().containsKey(county)) {
            return refused(scope, county, HttpStatus.UNPROCESSABLE_ENTITY, messages.get(locale, "excel.import.pickCounty"));
        }
        if (scope.closed()) {
            return refused(scope, county, HttpStatus.CONFLICT, messages.get(locale, "excel.import.closed"));
        }
        var lockNotice = signOffs.lockNotice(request, user, id, county);
        if (lockNotice.isPresent()) {
            return refused(scope, county, HttpStatus.CONFLICT, lockNotice.get());
        }
        List<PlatformUploads.FileRefusal> refusedFiles = uploads.check(files);
        if (refusedFiles.isEmpty()) {
            PlatformUploads.Read read = uploads.read(files);
            if (read.busy()) {
                return refused(scope, county, HttpStatus.SERVICE_UNAVAILABLE, messages.get(locale, "excel.import.busy"));
            }
            refusedFiles = read.refused();
            if (refusedFiles.isEmpty()) {
                if (!read.parsed().problems().isEmpty()) {
                    Map<String, Object> model = uploadModel(scope, county);
                    model.put("problems", read.parsed().problems().stream().limit(200).map(problem ->
                            new ProblemRow(problem.place().file(), problem.place().sheet(),
                                    problem.place().row(), problem.place().header(),
                                    messages.get(locale, problem.key(), problem.arguments().toArray()))).toList());
                    model.put("problemCount", read.parsed().problems().size());
                    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                            .body(new ModelAndView<>("platform/upload", model));
                }
                String token = store.keep(user.id(), id, county, files);
                LOG.info("{} uploaded {} platform file(s) for campaign {} county {}", user.username(), files.size(), id,
                        county);
                return HttpResponse.seeOther(URI.create("/platform-imports/" + token));
            }
        }
        List<String> texts = refusedFiles.stream().map(refusal -> (refusal.file().isEmpty() ? ""
                : refusal.file() + messages.get(locale, "platform.upload.fileSeparator"))
                + messages.get(locale, refusal.messageKey(), 5, 100, PlatformUploads.MAX_FILES)).toList();
        return refused(scope, county, HttpStatus.UNPROCESSABLE_ENTITY, String.join(" ", texts));
    }

    @Get("/platform-imports/{token}")
    ModelAndView<Map<String, Object>> preview(HttpRequest<?> request, String token, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        PreviewStore.Stored stored = stored(token, user);
        ImportScope.Scope scope = scopes.of(user, stored.campaignId());
        if (stored.outcome() != null) {
            return new ModelAndView<>("platform/done", doneModel(scope, stored));
        }
        Preview preview = preview(stored, scope, Map.of(), false);
        return new ModelAndView<>("platform/preview", previewModel(request, preview, Map.of()));
    }

    @Post(value = "/platform-imports/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @CsrfExempt // the form's fields are the preview's own (one per product row): checked below
    HttpResponse<?> confirm(HttpRequest<?> request, String token, @Body Map<String, String> form,
                            Authentication authentication) {
        if (!CsrfInterceptor.accepts(request, form.get("csrf"))) {
            throw new CsrfRejectedException();
        }
        CurrentUser user = CurrentUser.of(authentication);
        PreviewStore.Stored stored = stored(token, user);
        ImportScope.Scope scope = scopes.of(user, stored.campaignId());
        URI result = URI.create("/platform-imports/" + token);
        if (stored.outcome() != null) {
            return HttpResponse.seeOther(result);
        }
        Preview preview = preview(stored, scope, form, true);
        if (!preview.confirmable() || !preview.errors().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("platform/preview", previewModel(request, preview, form)));
        }
        PlatformImport.Outcome outcome;
        try {
            outcome = ledger.importPlatform(user, builder.toImport(preview), new Submission(token, ignored -> result.toString()));
        } catch (Submissions.AlreadySubmitted e) {
            return HttpResponse.seeOther(result);
        } catch (Refusal refusal) {
            Map<String, Object> model = previewModel(request, preview, form);
            model.put("refusalText", String.join(" ", refusal.problems().stream().map(problem ->
                    messages.get(request, problem.key(), problem.arguments().toArray())).toList()));
            return HttpResponse.status(refusal.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("platform/preview", model));
        }
        store.done(token, outcomeJson(outcome));
        LOG.info("{} imported platform files into campaign {} county {}: {}", user.username(), scope.campaignId(),
                stored.countyCode(), outcome);
        return HttpResponse.seeOther(result);
    }

    /** A problem of a file as the page lists it. */
    public record ProblemRow(String file, String sheet, int row, String column, String message) {
    }

    private Preview preview(PreviewStore.Stored stored, ImportScope.Scope scope, Map<String, String> choices,
                            boolean confirming) {
        if (!scope.counties().containsKey(stored.countyCode())) {
            throw new RecordNotFoundException("platform import", stored.token());
        }
        PlatformUploads.Read read = uploads.read(stored.files());
        if (read.parsed() == null) {
            throw new IllegalStateException("an upload that was read before cannot be read now");
        }
        return builder.build(stored.token(), scope, stored.countyCode(), read.parsed(), choices, confirming);
    }

    private PreviewStore.Stored stored(String token, CurrentUser user) {
        PreviewStore.Stored stored = token.length() == 36 ? store.find(token, user.id()) : null;
        if (stored == null) {
            throw new RecordNotFoundException("platform import", token);
        }
        return stored;
    }

    private Map<String, Object> previewModel(HttpRequest<?> request, Preview preview, Map<String, String> form) {
        Locale locale = messages.locale(request);
        Map<String, Object> model = new HashMap<>();
        model.put("preview", preview);
        model.put("fig", figures);
        model.put("refusals", preview.refusals().stream().map(problem -> text(locale, problem)).toList());
        Map<String, String> errors = new LinkedHashMap<>();
        preview.errors().forEach((field, problem) -> errors.put(field, text(locale, problem)));
        model.put("fieldErrors", errors);
        Map<String, String> warnings = new HashMap<>();
        for (Preview.SessionView session : preview.sessions()) {
            for (Preview.ProductView product : session.products()) {
                if (product.warning() != null) {
                    warnings.put(session.index() + "." + product.index(), text(locale, product.warning()));
                }
            }
        }
        model.put("warnings", warnings);
        model.put("typed", form);
        return model;
    }

    private String text(Locale locale, Preview.Problem problem) {
        Object[] arguments = problem.arguments().stream()
                .map(argument -> argument instanceof Preview.Problem inner ? text(locale, inner) : argument).toArray();
        return messages.get(locale, problem.key(), arguments);
    }

    private Map<String, Object> doneModel(ImportScope.Scope scope, PreviewStore.Stored stored) {
        Map<String, Object> model = new HashMap<>();
        model.put("scope", scope);
        try {
            model.put("outcome", json.readValue(stored.outcome(), Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return model;
    }

    private String outcomeJson(PlatformImport.Outcome outcome) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sessionsCreated", outcome.sessionsCreated());
        values.put("sessionsChanged", outcome.sessionsChanged());
        values.put("sessionsUnchanged", outcome.sessionsUnchanged());
        values.put("linesCreated", outcome.linesCreated());
        values.put("linesChanged", outcome.linesChanged());
        values.put("linesUnchanged", outcome.linesUnchanged());
        values.put("changedNothing", outcome.changedNothing());
        values.put("sessionIds", outcome.sessionIds());
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<?> refused(ImportScope.Scope scope, @Nullable String county, HttpStatus status, String text) {
        Map<String, Object> model = uploadModel(scope, county);
        model.put("refusalText", text);
        return HttpResponse.status(status).body(new ModelAndView<>("platform/upload", model));
    }

    private static Map<String, Object> uploadModel(ImportScope.Scope scope, @Nullable String county) {
        Map<String, Object> model = new HashMap<>();
        model.put("scope", scope);
        model.put("county", county == null ? (scope.counties().size() == 1 ? scope.counties().keySet().iterator().next()
                : "") : county);
        model.put("problems", List.of());
        model.put("lockNotices", List.of());
        model.put("maxFiles", PlatformUploads.MAX_FILES);
        model.put("maxMegabytes", PlatformUploads.MAX_TOTAL / 1024 / 1024);
        return model;
    }

    /** Only the file's own name, not a folder some browsers send with it. */
    private static String fileName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "upload.xlsx";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    }
}

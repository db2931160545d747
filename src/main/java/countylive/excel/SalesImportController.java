package countylive.excel;

import countylive.access.CurrentUser;
import countylive.campaign.SignOffs;
import countylive.web.Figures;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfProtected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Bulk import of sales for coordinators: download a template for a campaign and county, fill it
 * in, upload it. Either every row passes and all are imported, or nothing is and the report says
 * row, column and why, with the marked-up file to download.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR"})
@CsrfProtected
class SalesImportController {

    private final ImportScope scopes;
    private final SalesUploads uploads;
    private final ImportWorkbooks workbooks;
    private final Rejections rejections;
    private final Messages messages;
    private final Figures figures;
    private final ExecutorService executor;
    private final Clock clock;
    private final SignOffs signOffs;

    SalesImportController(ImportScope scopes, SalesUploads uploads, ImportWorkbooks workbooks, Rejections rejections,
                          Messages messages, Figures figures, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                          Clock clock, SignOffs signOffs) {
        this.signOffs = signOffs;
        this.scopes = scopes;
        this.uploads = uploads;
        this.workbooks = workbooks;
        this.rejections = rejections;
        this.messages = messages;
        this.figures = figures;
        this.executor = executor;
        this.clock = clock;
    }

    @Get("/campaigns/{id}/import")
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        ImportScope.Scope scope = scopes.of(user, id);
        Map<String, Object> model = model(scope, null);
        // the counties the sign-off holds back say so before a file is chosen
        model.put("lockNotices", signOffs.lockNotices(request, user, id, scope.counties().keySet()));
        return new ModelAndView<>("excel/import", model);
    }

    @Get(value = "/campaigns/{id}/import/template.xlsx", produces = Downloads.XLSX_TYPE)
    HttpResponse<StreamedFile> template(HttpRequest<?> request, long id, @QueryValue String county,
                                        Authentication authentication) throws IOException {
        ImportScope.Scope scope = scopes.of(CurrentUser.of(authentication), id);
        String countyName = scope.counties().get(county);
        if (countyName == null) {
            throw new RecordNotFoundException("county", county);
        }
        var locale = messages.locale(request);
        String name = Downloads.fileName(scope.campaignName() + "_" + countyName + "_"
                + messages.get(locale, "excel.file.template"), LocalDate.now(clock));
        return Downloads.stream(executor, name, out ->
                workbooks.writeTemplate(out, id, scope.campaignName(), county, countyName, locale));
    }

    @Post(value = "/campaigns/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(HttpRequest<?> request, long id, @Nullable @Part("csrf") String csrf,
                           @Nullable @Part("county") String county, @Nullable @Part("confirm") String confirm,
                           @Nullable @Part("file") CompletedFileUpload file, Authentication authentication)
            throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        ImportScope.Scope scope = scopes.of(user, id);
        var locale = messages.locale(request);
        if (county == null || !scope.counties().containsKey(county)) {
            return refused(scope, county, "excel.import.pickCounty", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (scope.closed()) {
            return refused(scope, county, "excel.import.closed", HttpStatus.CONFLICT);
        }
        var lockNotice = signOffs.lockNotice(request, user, id, county);
        if (lockNotice.isPresent()) {
            // the ledger would refuse it too, after reading the whole file
            Map<String, Object> model = model(scope, county);
            model.put("refusalText", lockNotice.get());
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("excel/import", model));
        }
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String fileName = file == null || file.getFilename() == null ? "upload.xlsx" : file.getFilename();
        SalesUploads.Result result = uploads.importFile(user, id, county, fileName, bytes,
                confirm != null && !confirm.isBlank(), locale);
        Map<String, Object> model = model(scope, county);
        model.putAll(result.model());
        model.put("fig", figures);
        return HttpResponse.status(result.status()).body(new ModelAndView<>("excel/import", model));
    }

    @Get(value = "/imports/rejected/{token}", produces = Downloads.XLSX_TYPE)
    HttpResponse<?> rejected(String token, Authentication authentication) {
        Rejections.Rejection rejection = rejections.find(token, CurrentUser.of(authentication).id());
        if (rejection == null) {
            throw new RecordNotFoundException("rejection", token);
        }
        return HttpResponse.ok(new StreamedFile(new ByteArrayInputStream(rejection.content()), Downloads.XLSX))
                .header("Content-Disposition", Downloads.contentDisposition(rejection.fileName()));
    }

    private HttpResponse<?> refused(ImportScope.Scope scope, @Nullable String county, String messageKey, HttpStatus status) {
        Map<String, Object> model = model(scope, county);
        model.put("refusal", messageKey);
        return HttpResponse.status(status).body(new ModelAndView<>("excel/import", model));
    }

    private static Map<String, Object> model(ImportScope.Scope scope, @Nullable String county) {
        Map<String, Object> model = new HashMap<>();
        model.put("scope", scope);
        model.put("county", county == null ? (scope.counties().size() == 1 ? scope.counties().keySet().iterator().next() : "") : county);
        model.put("problems", List.of());
        model.put("maxMegabytes", UploadedWorkbook.MAX_BYTES / 1024 / 1024);
        model.put("maxInflatedMegabytes", UploadedWorkbook.MAX_INFLATED / 1024 / 1024);
        return model;
    }
}

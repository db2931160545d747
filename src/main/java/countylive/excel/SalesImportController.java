package countylive.excel;

import countylive.access.CurrentUser;
import countylive.ledger.ImportOutcome;
import countylive.ledger.ImportRefusal;
import countylive.ledger.Ledger;
import countylive.ledger.SalesFile;
import countylive.web.Figures;
import countylive.web.Messages;
import countylive.web.form.FormView;
import countylive.web.form.Refusal;
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
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
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

    private static final Logger LOG = LoggerFactory.getLogger(SalesImportController.class);

    private final ImportScope scopes;
    private final Ledger ledger;
    private final ImportWorkbooks workbooks;
    private final Rejections rejections;
    private final Messages messages;
    private final FormView forms;
    private final Figures figures;
    private final ExecutorService executor;
    private final Clock clock;

    SalesImportController(ImportScope scopes, Ledger ledger, ImportWorkbooks workbooks, Rejections rejections,
                          Messages messages, FormView forms, Figures figures,
                          @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.figures = figures;
        this.scopes = scopes;
        this.ledger = ledger;
        this.forms = forms;
        this.workbooks = workbooks;
        this.rejections = rejections;
        this.messages = messages;
        this.executor = executor;
        this.clock = clock;
    }

    @Get("/campaigns/{id}/import")
    ModelAndView<Map<String, Object>> page(long id, Authentication authentication) {
        ImportScope.Scope scope = scopes.of(CurrentUser.of(authentication), id);
        return new ModelAndView<>("excel/import", model(scope, null));
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
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String fileName = file == null || file.getFilename() == null ? "upload.xlsx" : file.getFilename();
        try (Workbook workbook = UploadedWorkbook.open(bytes)) {
            String sha256 = sha256(bytes);
            if (scopes.importedBefore(id, county, sha256)) {
                return refused(scope, county, "excel.import.sameFile", HttpStatus.CONFLICT);
            }
            SalesFile read = SalesFileReader.read(workbook, id, county, fileName, sha256,
                    confirm != null && !confirm.isBlank());
            try {
                ImportOutcome outcome = ledger.importSales(user, read);
                LOG.info("{} imported {} into campaign {} for county {}: {} new, {} changed, {} unchanged lines",
                        user.username(), fileName, id, county, outcome.created(), outcome.changed().size(),
                        outcome.unchanged());
                Map<String, Object> model = model(scope, county);
                model.put("outcome", outcome);
                model.put("changes", scopes.changes(outcome));
                model.put("fig", figures);
                return HttpResponse.ok(new ModelAndView<>("excel/import", model));
            } catch (ImportRefusal refusal) {
                List<ImportProblem> problems = refusal.rows().stream().map(problem -> new ImportProblem(problem.row(),
                        column(problem.field()), messages.get(locale, problem.key(), problem.arguments().toArray()),
                        problem.warning())).toList();
                byte[] marked = workbooks.marked(workbook, problems);
                Map<String, Object> model = model(scope, county);
                model.put("problems", problems);
                model.put("rejection", rejections.keep(user.id(), "marked_" + fileName, marked));
                model.put("onlyWarnings", refusal.onlyWarnings());
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("excel/import", model));
            } catch (Refusal refusal) {
                Map<String, Object> model = model(scope, county);
                model.put("refusalText", forms.message(request, refusal));
                return HttpResponse.status(refusal.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT
                        : HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("excel/import", model));
            }
        } catch (UploadedWorkbook.Refused e) {
            LOG.info("Upload of '{}' by {} refused: {}", fileName, user.username(), e.messageKey());
            return refused(scope, county, e.messageKey(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /** The spreadsheet column of a field of the data sheet. */
    private static String column(@Nullable String field) {
        int index = field == null ? -1 : SalesFileReader.FIELDS.indexOf(field);
        return CellReference.convertNumToColString(Math.max(0, index));
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
        return model;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package countylive.excel;

import countylive.access.CurrentUser;
import countylive.trace.LineSelection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import countylive.web.Messages;
import jakarta.inject.Named;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;

/** The detail export: every sale line, one row each. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
class SalesExportController {

    private final SalesExport export;
    private final ExportScope scopes;
    private final Messages messages;
    private final ExecutorService executor;
    private final Clock clock;

    SalesExportController(SalesExport export, ExportScope scopes, Messages messages,
                          @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.export = export;
        this.scopes = scopes;
        this.messages = messages;
        this.executor = executor;
        this.clock = clock;
    }

    /** One campaign's lines; a coordinator gets only their own counties' lines. */
    @Get(value = "/campaigns/{id}/sales.xlsx", produces = Downloads.XLSX_TYPE)
    HttpResponse<StreamedFile> campaign(HttpRequest<?> request, long id, Authentication authentication) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        ExportScope.CampaignScope scope = scopes.of(user, id);
        var locale = messages.locale(request);
        String name = Downloads.fileName(scope.name() + "_" + messages.get(locale, "excel.file.sales"), LocalDate.now(clock));
        return Downloads.stream(executor, name, out ->
                export.write(out, locale, LineSelection.campaign(id, scope.counties()), scope.name(), user.displayName(),
                        LocalDateTime.now(clock)));
    }

    /** Every campaign's lines: for association staff and administrators. */
    @Get(value = "/sales.xlsx", produces = Downloads.XLSX_TYPE)
    @Secured({"ADMIN", "ASSOCIATION"})
    HttpResponse<StreamedFile> all(HttpRequest<?> request, Authentication authentication) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        var locale = messages.locale(request);
        String name = Downloads.fileName(messages.get(locale, "excel.file.allSales"), LocalDate.now(clock));
        return Downloads.stream(executor, name, out -> export.write(out, locale, LineSelection.campaign(null, null),
                messages.get(locale, "excel.file.allSales"), user.displayName(), LocalDateTime.now(clock)));
    }

    /**
     * The lines behind one figure, as the lines page selects them (its filters in the URL), within
     * the counties the user may read.
     */
    @Get(value = "/lines.xlsx", produces = Downloads.XLSX_TYPE)
    HttpResponse<StreamedFile> selected(HttpRequest<?> request, Authentication authentication) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        LineSelection selection = LineSelection.of(request, user);
        var locale = messages.locale(request);
        String title = messages.get(locale, "trace.title");
        String name = Downloads.fileName(messages.get(locale, "excel.file.sales"), LocalDate.now(clock));
        return Downloads.stream(executor, name, out -> export.write(out, locale, selection, title,
                user.displayName(), LocalDateTime.now(clock)));
    }
}

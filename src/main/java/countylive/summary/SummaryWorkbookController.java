package countylive.summary;

import countylive.access.CurrentUser;
import countylive.campaign.Campaigns;
import countylive.campaign.SignOffs;
import countylive.excel.Downloads;
import countylive.web.Messages;
import countylive.web.RecordNotFoundException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The summary and the overview as workbooks: the same people see the same figures as on the pages. */
@Controller
class SummaryWorkbookController {

    private final SummaryQueries queries;
    private final Campaigns campaigns;
    private final OverviewQueries overview;
    private final SummaryWorkbook workbooks;
    private final Messages messages;
    private final ExecutorService executor;
    private final Clock clock;
    private final SignOffs signOffs;

    SummaryWorkbookController(SummaryQueries queries, Campaigns campaigns, OverviewQueries overview,
                              SummaryWorkbook workbooks, Messages messages,
                              @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock, SignOffs signOffs) {
        this.signOffs = signOffs;
        this.queries = queries;
        this.campaigns = campaigns;
        this.overview = overview;
        this.workbooks = workbooks;
        this.messages = messages;
        this.executor = executor;
        this.clock = clock;
    }

    @Get(value = "/campaigns/{id}/summary.xlsx", produces = Downloads.XLSX_TYPE)
    @Secured({"ADMIN", "ASSOCIATION", "COORDINATOR"})
    HttpResponse<StreamedFile> campaign(long id, HttpRequest<?> request, Authentication authentication) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        Rows.Campaign campaign = queries.campaign(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
        if (!campaigns.visibleTo(user, id)) {
            throw new RecordNotFoundException("campaign", id);
        }
        SummaryFilter filter = SummaryFilter.of(request, id, campaign.startsOn(), campaign.endsOn());
        String provinceName = filter.province() == null ? null : queries.provinces(id).stream()
                .filter(p -> p.code().equals(filter.province())).map(Rows.Province::name).findFirst().orElse(null);
        var locale = messages.locale(request);
        List<String> notAccepted = signOffs.counties(id).stream().filter(county -> !county.state().isFinal())
                .map(SignOffs.County::name).toList();
        var about = new SummaryWorkbook.About(campaign, filter, provinceName, user.displayName(), LocalDateTime.now(clock),
                signOffs.tally(id), notAccepted);
        String name = Downloads.fileName(campaign.name() + "_" + messages.get(locale, "excel.file.summary"),
                LocalDate.now(clock));
        return Downloads.stream(executor, name, out -> workbooks.write(out, about, locale));
    }

    @Get(value = "/summaries.xlsx", produces = Downloads.XLSX_TYPE)
    @Secured({"ADMIN", "ASSOCIATION"})
    HttpResponse<StreamedFile> overview(HttpRequest<?> request, Authentication authentication) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        var locale = messages.locale(request);
        String name = Downloads.fileName(messages.get(locale, "excel.file.overview"), LocalDate.now(clock));
        boolean acceptedOnly = request.getParameters().getFirst("accepted").filter("1"::equals).isPresent();
        return Downloads.stream(executor, name, out ->
                workbooks.writeOverview(out, overview, acceptedOnly, user.displayName(), LocalDateTime.now(clock), locale));
    }
}

package countylive.excel;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

/** A download whose writer fails midway, as an export does when the database goes away; only in {@link DownloadsTest}'s context. */
@Requires(property = "countylive.test.broken-download", value = "true")
@Controller("/test/broken-download")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenDownloadController {

    private final ExecutorService executor;

    BrokenDownloadController(@Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
    }

    @Get(produces = Downloads.XLSX_TYPE)
    HttpResponse<StreamedFile> download() throws IOException {
        return Downloads.stream(executor, "broken.xlsx", out -> {
            out.write(new byte[300_000]);
            throw new IllegalStateException("the database went away");
        });
    }
}

package countylive.summary;

import countylive.access.CurrentUser;
import countylive.ledger.Ledger;
import countylive.web.RecordNotFoundException;
import countylive.web.csrf.CsrfForm;
import countylive.web.csrf.CsrfProtected;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * Recomputes a campaign's rollups from its sessions, sale lines and links. The application keeps
 * them exact by itself; this is the repair for data changed outside it (by hand in SQL, by a
 * restore of some tables only). Administrators only.
 */
@Controller(value = "/campaigns/{id}/summary/rebuild", produces = MediaType.TEXT_HTML)
@Secured("ADMIN")
@CsrfProtected
class RollupRebuildController {

    private static final Logger LOG = LoggerFactory.getLogger(RollupRebuildController.class);

    @Serdeable
    record RebuildForm(@Nullable String csrf) implements CsrfForm {
    }

    private final SummaryQueries queries;
    private final Ledger ledger;

    RollupRebuildController(SummaryQueries queries, Ledger ledger) {
        this.queries = queries;
        this.ledger = ledger;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rebuild(long id, @Body RebuildForm form, Authentication authentication) {
        queries.campaign(id).orElseThrow(() -> new RecordNotFoundException("campaign", id));
        long started = System.nanoTime();
        CurrentUser user = CurrentUser.of(authentication);
        ledger.rebuild(user, id);
        LOG.info("{} recomputed the summary rollups of campaign {} in {} ms", user.username(), id,
                (System.nanoTime() - started) / 1_000_000);
        return HttpResponse.seeOther(URI.create("/campaigns/" + id + "/summary?flash=recomputed"));
    }
}

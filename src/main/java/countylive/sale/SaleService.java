package countylive.sale;

import countylive.account.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.livestream.SessionAccess;
import countylive.summary.Footprint;
import countylive.summary.SalesRollup;
import countylive.web.form.Submissions;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Saves a whole sales grid in one transaction: every line or none, each change audited. */
@Singleton
class SaleService {

    static final String AUDIT_TYPE = "sale_line";

    private final SaleLineRepository lines;
    private final SessionAccess sessions;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final SalesRollup rollup;

    SaleService(SaleLineRepository lines, SessionAccess sessions, Submissions submissions, AuditTrail audit,
                SalesRollup rollup) {
        this.lines = lines;
        this.sessions = sessions;
        this.submissions = submissions;
        this.audit = audit;
        this.rollup = rollup;
    }

    /**
     * @param products every product named in the result, by id
     * @throws Submissions.AlreadySubmitted         when the same grid was submitted before
     * @throws OptimisticLockException              when the session's sales changed since the grid was opened
     * @throws countylive.livestream.CampaignClosedException when the campaign is closed
     */
    @Transactional
    void save(CurrentUser user, SessionAccess.SessionRef session, int version, SalesForm.Result result,
              Map<Long, SaleLineRepository.ProductRow> products, String submissionToken) {
        // first: waits for any other writer in this county, and notes what the rollups hold now
        Footprint fed = rollup.before(List.of(session.id()));
        submissions.claim(submissionToken);
        if (!sessions.claimForSales(session, version)) {
            throw new OptimisticLockException("sales of session " + session.id() + " changed");
        }
        Map<Long, SaleLine> stored = lines.findBySessionId(session.id()).stream()
                .collect(Collectors.toMap(SaleLine::productId, Function.identity()));
        List<Long> touched = new ArrayList<>();
        result.lines().forEach((productId, figures) -> {
            SaleLine before = stored.get(productId);
            if (figures == null && before != null) {
                touched.add(productId);
                lines.delete(before);
                audit.deleted(user, AUDIT_TYPE, before.id(), session.countyCode(), before.auditValues());
            } else if (figures != null && before == null) {
                touched.add(productId);
                boolean onBehalf = !products.get(productId).countyCode().equals(session.countyCode());
                SaleLine saved = lines.save(new SaleLine(null, session.id(), session.campaignId(), session.countyCode(),
                        session.liveDate(), productId, onBehalf, figures.units(), figures.orders(), figures.gross(),
                        figures.refunds(), null, null, null));
                audit.created(user, AUDIT_TYPE, saved.id(), session.countyCode(), saved.auditValues());
            } else if (figures != null && !before.sameFigures(figures)) {
                touched.add(productId);
                SaleLine saved = lines.update(before.withFigures(figures));
                audit.updated(user, AUDIT_TYPE, saved.id(), session.countyCode(), before.auditValues(), saved.auditValues());
            }
        });
        // the summaries' rollups follow in the same transaction
        if (!touched.isEmpty()) {
            rollup.after(fed);
        }
        submissions.complete(submissionToken, "/sessions/" + session.id() + "/sales");
    }
}

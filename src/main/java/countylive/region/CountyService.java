package countylive.region;

import io.micronaut.core.annotation.Nullable;
import countylive.audit.RecordType;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The one change made to counties here: the national-poverty-county flag, audited. */
@Singleton
class CountyService {

    static final RecordType AUDIT_TYPE = RecordType.COUNTY;

    private final CountyRepository counties;
    private final AuditTrail audit;

    CountyService(CountyRepository counties, AuditTrail audit) {
        this.counties = counties;
        this.audit = audit;
    }

    /** @throws OptimisticLockException when the county was changed since the page was opened */
    @Transactional
    County setPoverty(CurrentUser user, String code, boolean poverty, @Nullable Integer exitYear, int expectedVersion) {
        County before = counties.findById(code).orElseThrow(() -> new OptimisticLockException("gone"));
        County saved = counties.update(before.withPoverty(poverty, exitYear, expectedVersion));
        audit.updated(user, AUDIT_TYPE, code, code, before.auditValues(), saved.auditValues());
        return saved;
    }
}

package countylive.summary;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The headline figures of a campaign summary, each one SQL aggregate. A null is a figure nobody
 * reported (views of sessions without audience figures) and reads as a blank. People assisted are
 * counted from the linked households like the households themselves: none linked is 0 and 0. The derived figures are ratios of sums and blank when the divisor is 0.
 *
 * @param grossWithViews gross of the sessions whose views were reported: the numerator of GPM
 * @param viewsReported  views of those same sessions (equal to {@code views}: SUM skips NULL)
 */
public record Headline(long counties, long povertyCounties, long officials, long hosts,
                long sessions, @Nullable BigDecimal hours,
                long units, long orders, BigDecimal gross, BigDecimal refunds,
                @Nullable Long views, @Nullable Long peakViewers, long sessionsWithViews,
                BigDecimal grossWithViews, long households, @Nullable Long people) {

    public BigDecimal net() {
        return gross.subtract(refunds);
    }

    /** sum(gross) / sum(orders). */
    @Nullable
    public BigDecimal averageOrderValue() {
        return orders == 0 ? null : gross.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
    }

    /** Sales per thousand views, over the sessions that reported views only. */
    @Nullable
    public BigDecimal gpm() {
        if (views == null || views == 0) {
            return null;
        }
        return grossWithViews.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(views), 2, RoundingMode.HALF_UP);
    }

    @Nullable
    public BigDecimal netPerPerson() {
        return people == null || people == 0 ? null : net().divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
    }

    /** Share of the target reached (1 = 100%), blank without a target. */
    @Nullable
    static BigDecimal progress(@Nullable Number actual, @Nullable Number target) {
        if (actual == null || target == null || new BigDecimal(target.toString()).signum() == 0) {
            return null;
        }
        return new BigDecimal(actual.toString()).divide(new BigDecimal(target.toString()), 4, RoundingMode.HALF_UP);
    }
}

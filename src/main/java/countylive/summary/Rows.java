package countylive.summary;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.time.LocalDate;

/** The rows of the breakdown tables; every number is an aggregate from the database. */
public final class Rows {

    private Rows() {
    }

    public record Campaign(long id, String name, LocalDate startsOn, LocalDate endsOn, String status,
                    @Nullable BigDecimal targetGross, @Nullable Integer targetPeople) {
    }

    public record Partner(long id, String name, String kind) {
    }

    public record Province(String code, String name) {
    }

    public record County(String code, String name, String provinceCode, String provinceName, boolean poverty,
                  @Nullable Integer povertyExitYear, long sessions,
                  @Nullable BigDecimal hours, long units, long orders, BigDecimal gross, BigDecimal refunds,
                  @Nullable Long views, @Nullable Long peakViewers, long households, @Nullable Long people,
                  boolean accepted) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    /** Sales of the sessions a host (or an official) took part in; a shared session counts for each. */
    public record Person(long id, String name, String detail, long sessions, long units, BigDecimal gross,
                  BigDecimal refunds, @Nullable Long views) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    /** The first products of a product table, and how many the whole table has. */
    public record Products(List<Product> rows, long count) {
        public boolean cut() {
            return count > rows.size();
        }
    }

    /** @param soldByOtherCounties some of its sales were made in another county's sessions, on this county's behalf */
    public record Product(long id, String name, String countyCode, String countyName, String unit, long sessions,
                   long units, long orders, BigDecimal gross, BigDecimal refunds, boolean soldByOtherCounties) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    public record Day(LocalDate day, long sessions, long units, long orders, BigDecimal gross, BigDecimal refunds,
               @Nullable Long views) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    public record Session(long id, LocalDate day, String countyCode, String countyName, String platform,
                   @Nullable BigDecimal hours, @Nullable Long views, @Nullable Long uniqueViewers,
                   @Nullable Long peakViewers, long units, long orders, BigDecimal gross, BigDecimal refunds) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    public record CampaignTotal(long id, String name, LocalDate startsOn, LocalDate endsOn, long counties,
                         long acceptedCounties, long sessions, long units, BigDecimal gross, BigDecimal refunds, @Nullable Long views,
                         @Nullable Long people) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    public record ProvinceTotal(String code, String name, long campaigns, long counties, long sessions, long units,
                         BigDecimal gross, BigDecimal refunds, @Nullable Long views) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }
}

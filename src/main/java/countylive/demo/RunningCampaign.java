package countylive.demo;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The demo campaign that is still running, so that a newcomer who logs in as the demo coordinator
 * has work to do: it runs from ten days before the day the demo is loaded to twenty days after,
 * in the coordinator's county and one neighbour, and its sessions are in every state a coordinator
 * meets: complete, one still awaiting its sales, one awaiting its audience figures. Its figures
 * are invented and fixed (no random draws), and it touches none of the published campaigns' totals.
 */
final class RunningCampaign {

    static final String NAME = "鄂东春季助农直播月（演示，进行中）";
    static final String THEME = "县长直播带货，春茶和山货上新";
    static final String DESCRIPTION = "演示数据：一个正在进行的活动，日期随演示数据生成的日期而定；"
            + "有的场次已录入完整，有的还等待录入销售或观众数据，供试用录入流程。全部数字为虚构。";
    static final int DAYS_BEFORE = 10;
    static final int DAYS_AFTER = 20;

    static final List<DemoCampaigns.County> COUNTIES = List.of(
            new DemoCampaigns.County("421124", "英山云雾茶"), new DemoCampaigns.County("421123", "罗田板栗"));

    /** What one of the county's two demo products sold (0: the plain product, 1: its gift box). */
    record Sale(int product, long units, long orders, String gross, String refunds) {
        BigDecimal grossAmount() {
            return new BigDecimal(gross);
        }

        BigDecimal refundAmount() {
            return new BigDecimal(refunds);
        }
    }

    /** Audience figures as reported; null: not reported yet. */
    record Audience(long views, long uniqueViewers, long peakViewers, long newFollowers) {
    }

    /** A session some days before the load, its audience (null: awaiting) and its sales (empty: awaiting). */
    record Session(String countyCode, int daysAgo, LocalTime starts, int minutes, @Nullable Audience audience,
                   List<Sale> sales) {
    }

    static final List<Session> SESSIONS = List.of(
            new Session("421124", 8, LocalTime.of(19, 0), 120, new Audience(86_400, 52_100, 3_900, 860),
                    List.of(new Sale(0, 1_240, 1_100, "148800.00", "1200.00"), new Sale(1, 310, 295, "55800.00", "0.00"))),
            new Session("421124", 5, LocalTime.of(20, 0), 90, new Audience(64_200, 40_300, 2_800, 640),
                    List.of(new Sale(0, 860, 790, "103200.00", "960.00"), new Sale(1, 150, 148, "27000.00", "0.00"))),
            // the audience figures have not come from the platform yet
            new Session("421124", 3, LocalTime.of(19, 30), 150, null,
                    List.of(new Sale(0, 980, 900, "117600.00", "0.00"), new Sale(1, 220, 210, "39600.00", "360.00"))),
            // last night's livestream: the sales are still to be entered
            new Session("421124", 1, LocalTime.of(19, 0), 120, new Audience(71_500, 45_800, 3_100, 710), List.of()),
            new Session("421123", 6, LocalTime.of(10, 0), 120, new Audience(52_300, 33_900, 2_100, 420),
                    List.of(new Sale(0, 1_460, 1_320, "87600.00", "700.00"), new Sale(1, 240, 236, "43200.00", "0.00"))),
            new Session("421123", 2, LocalTime.of(20, 30), 90, new Audience(48_800, 30_200, 1_900, 380),
                    List.of(new Sale(0, 1_120, 1_010, "67200.00", "0.00"), new Sale(1, 180, 176, "32400.00", "180.00"))));

    private RunningCampaign() {
    }

    static LocalDate startsOn(LocalDate today) {
        return today.minusDays(DAYS_BEFORE);
    }

    static LocalDate endsOn(LocalDate today) {
        return today.plusDays(DAYS_AFTER);
    }
}

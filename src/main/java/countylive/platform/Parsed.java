package countylive.platform;

import countylive.host.Platform;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the platform files say, as read: sessions with their products, and what could not be read. */
public record Parsed(List<Session> sessions, List<Problem> problems) {

    /** Where the gross sales of a session's products come from, as its page labels it. */
    public enum GrossSource {
        /** Douyin compass: 用户支付金额, the amount users paid. */
        DOUYIN_USER_PAID,
        /** An older Douyin download whose products sheet still says 成交金额. */
        DOUYIN_GMV,
        /** Taobao Live 生意参谋: 成交金额. */
        TAOBAO_GMV
    }

    /**
     * One session found in the files.
     *
     * @param endsAt       null when the export does not say (a Taobao file without 直播时长)
     * @param metrics      what the platform reports that County Live has no field for, by the platform's name
     * @param ordersFromBuyers the products sheet has no order count: orders are its 成交人数 (buyers)
     */
    public record Session(Platform platform, String file, SheetText.Place place, @Nullable String account,
                   @Nullable String hostName, @Nullable String platformSessionId, @Nullable String title,
                   LocalDateTime startsAt, @Nullable LocalDateTime endsAt, @Nullable Long views,
                   @Nullable Long uniqueViewers, @Nullable Long peakViewers, @Nullable Long newFollowers,
                   Map<String, String> metrics, GrossSource grossSource, boolean ordersFromBuyers,
                   List<Product> products) {
    }

    /**
     * One product row of a session; refunds null when the export has none.
     *
     * @param headers the headers of its figures' columns as the file names them, by the sale-line
     *                field (units, orders, gross, refunds): a rule's message names the column
     */
    public record Product(String externalId, String name, SheetText.Place place, long units, long orders,
                          BigDecimal gross, @Nullable BigDecimal refunds, Map<String, String> headers) {

        /** The place of the column a sale-line rule's problem is about. */
        public SheetText.Place placeOf(String messageKey) {
            String field = switch (messageKey) {
                case "sale.refundsAboveGross" -> "refunds";
                case "input.count" -> "units";
                default -> "gross";
            };
            return new SheetText.Place(place.file(), place.sheet(), place.row(),
                    headers.getOrDefault(field, place.header()));
        }
    }

    /** A value, sheet or column that could not be read: where, and the message key with its arguments. */
    public record Problem(SheetText.Place place, String key, List<Object> arguments) {
    }
}

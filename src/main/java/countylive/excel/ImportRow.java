package countylive.excel;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** One data row of an import, as read and checked. */
record ImportRow(int rowNumber, long sessionId, java.time.LocalDate liveDate, long productId, boolean onBehalf, long units, long orders,
                 BigDecimal gross, BigDecimal refunds, @Nullable BigDecimal referencePrice) {
}

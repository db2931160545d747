package countylive.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.runtime.date.CurrentDateTimeProvider;
import io.micronaut.data.runtime.date.DateTimeProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Beijing time: the users' dates and the stored DATETIMEs are local times of China. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.system(BeijingTime.ZONE);
    }

    /** {@code @DateCreated} and {@code @DateUpdated} read the same clock as the application's own writes. */
    @Singleton
    @Replaces(CurrentDateTimeProvider.class)
    DateTimeProvider<OffsetDateTime> entityTimestamps(Clock clock) {
        return () -> OffsetDateTime.now(clock);
    }
}

package countylive.web;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** Beijing time: the users' dates and the stored DATETIMEs are local times of China. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}

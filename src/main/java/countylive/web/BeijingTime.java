package countylive.web;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * One time zone everywhere: Beijing time. The users read and type Beijing times, the DATETIME
 * columns hold them, the database session computes NOW() in them (the connection's
 * {@code connectionTimeZone}, application.yml) and the JVM's default is set to them before any
 * bean is made, so that a clock-less {@code now()} in a library (log lines, Micronaut Data's
 * {@code @DateCreated}) cannot write UTC beside Beijing times. Runs for the application and for
 * every test context alike; {@code Application.main} also calls it first, for the log lines
 * written before the context.
 */
@ContextConfigurer
public final class BeijingTime implements ApplicationContextConfigurer {

    /** China has had one offset, +08:00, without summer time since 1991. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void useAsDefault() {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        useAsDefault();
    }
}

package countylive.account;

import countylive.access.CurrentUser;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Turns the login cookie into an {@link Authentication} by looking the session up in the database. */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final LoginSessions sessions;
    private final UserRepository users;
    private final Scheduler blocking;

    SessionAuthenticationFetcher(LoginSessions sessions, UserRepository users,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.sessions = sessions;
        this.users = users;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        // Always continue on the blocking pool, with a cookie or without: when the filter chain
        // finished on the event loop while a larger form body was still arriving, the server
        // never answered and kept allocating (seen with Micronaut 4.10 for bodies over ~4 KB).
        return Mono.fromCallable(() -> SessionCookie.token(request).map(this::lookup).orElse(null))
                .subscribeOn(blocking);
    }

    private Authentication lookup(String token) {
        return sessions.find(token).map(session -> {
            List<String> counties = users.findCountyCodes(session.userId());
            return Authentication.build(session.username(), List.of(session.role().name()), Map.of(
                    CurrentUser.ATTR_USER_ID, session.userId(),
                    CurrentUser.ATTR_DISPLAY_NAME, session.displayName(),
                    CurrentUser.ATTR_COUNTIES, counties,
                    CurrentUser.ATTR_CSRF, session.csrfToken()));
        }).orElse(null);
    }
}

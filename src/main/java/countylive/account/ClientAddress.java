package countylive.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a request came from, for throttling. Behind a reverse proxy every request comes
 * from the proxy, so one person's failed logins would lock everybody out: then the proxy must
 * set a header with the real address (e.g. X-Real-IP) and {@code countylive.login.client-address-header}
 * must name it. Without that setting the header is not read at all, since anyone could send it.
 */
@Singleton
class ClientAddress {

    private final String header;

    ClientAddress(@Nullable @Value("${countylive.login.client-address-header:}") String header) {
        this.header = header == null ? "" : header.strip();
    }

    String of(HttpRequest<?> request) {
        if (!header.isEmpty()) {
            String value = request.getHeaders().get(header);
            if (value != null && !value.isBlank()) {
                // a proxy that appends (X-Forwarded-For) puts the address it saw last
                String[] hops = value.split(",");
                String last = hops[hops.length - 1].strip();
                return last.length() > 60 ? last.substring(0, 60) : last;
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

package org.ggzy.sgw.gateway.audit;

import java.net.InetSocketAddress;
import org.ggzy.sgw.gateway.web.RequestIds;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who did something, from where, in which request: the fields every audit entry carries besides what was done.
 *
 * @param actor the user name of the caller's bearer token, {@code anonymous}, or a system actor ({@code system},
 *     {@code cli})
 * @param sourceAddress the caller's IP address ({@code local} for system actors)
 * @param requestId the request id ({@code X-Request-Id}), empty for system actors
 */
public record AuditContext(String actor, String sourceAddress, String requestId) {

    public static final String ANONYMOUS = "anonymous";

    public AuditContext {
        actor = actor == null || actor.isBlank() ? ANONYMOUS : actor;
        sourceAddress = sourceAddress == null ? "unknown" : sourceAddress;
        requestId = requestId == null ? "" : requestId;
    }

    /** The context of a request: its authenticated caller (or {@code anonymous}), remote address and request id. */
    public static Mono<AuditContext> of(ServerRequest request) {
        String source = sourceAddress(request.exchange());
        String id = RequestIds.of(request.exchange());
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication())
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .map(Authentication::getName)
                .defaultIfEmpty(ANONYMOUS)
                .map(actor -> new AuditContext(actor, source, id));
    }

    /** A context for what the gateway does by itself or on the command line ({@code system}, {@code cli}). */
    public static AuditContext system(String actor) {
        return new AuditContext(actor, "local", "");
    }

    /** The request's source address as the audit trail, the login throttle and the logs name it. */
    public static String sourceAddress(ServerWebExchange exchange) {
        InetSocketAddress a = exchange.getRequest().getRemoteAddress();
        if (a == null) {
            return "unknown";
        }
        return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    }
}

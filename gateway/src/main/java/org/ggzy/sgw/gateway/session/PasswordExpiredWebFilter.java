package org.ggzy.sgw.gateway.session;

import java.util.Set;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.gateway.web.ProblemWriter;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token issued for an expired password allows changing the password and logging out, nothing else: any other
 * request with it is refused with {@code 403 password-expired}. Sits in the security chain after authentication.
 */
public final class PasswordExpiredWebFilter implements WebFilter {

    static final Set<String> ALLOWED = Set.of("/api/v1/auth/password", "/api/v1/auth/logout");

    private final ProblemWriter problems;

    public PasswordExpiredWebFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(a -> a instanceof JwtAuthenticationToken jwt
                        && Boolean.TRUE.equals(jwt.getToken().getClaim(SessionService.PASSWORD_EXPIRED_CLAIM)))
                .hasElement()
                .flatMap(expired -> expired && !allowed(exchange)
                        ? problems.write(
                                exchange,
                                ProblemType.PASSWORD_EXPIRED.exception("Your password has expired: change it with POST"
                                        + " /api/v1/auth/password, then log in again."))
                        : chain.filter(exchange));
    }

    private static boolean allowed(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.POST
                && ALLOWED.contains(
                        exchange.getRequest().getPath().pathWithinApplication().value());
    }
}

package org.ggzy.sgw.gateway.security;

import java.security.Principal;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.gateway.web.ProblemWriter;
import org.ggzy.sgw.gateway.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A signed-in caller whose role the access matrix does not allow: {@code 403 forbidden}, and an audit entry
 * {@code access.denied} naming the request (best effort: when the entry cannot be written, the refusal still is).
 */
@Component
class AccessDenied implements ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(AccessDenied.class);

    private final ProblemWriter problems;
    private final AuditLog audit;

    AccessDenied(ProblemWriter problems, AuditLog audit) {
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String address = AuditContext.sourceAddress(exchange);
        String target = exchange.getRequest().getMethod().name() + " "
                + exchange.getRequest().getPath().value();
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty(AuditContext.ANONYMOUS)
                .flatMap(actor -> audit.append(
                        new AuditContext(actor, address, RequestIds.of(exchange)), "access.denied", target, null, null))
                .onErrorResume(e -> {
                    log.warn("access.denied for {} not audited: {}", target, e.toString());
                    return Mono.empty();
                })
                .then(Mono.defer(() ->
                        problems.write(exchange, ProblemType.FORBIDDEN.exception("Your role does not allow this."))));
    }
}

package org.ggzy.sgw.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses request targets with encoded slashes, percent signs, NUL, {@code ;}, {@code ..}
 * segments and the like before any route sees them; its default answer is a bare {@code 400}. This one is the same
 * status with a problem body, like every other refusal.
 */
@Component
class FirewallRejection implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejection.class);

    private final ProblemWriter writer;

    FirewallRejection(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.atInfo()
                .addKeyValue("requestId", RequestIds.of(exchange))
                .log("refused by the firewall: {}", rejected.getMessage());
        return writer.write(
                exchange,
                ProblemType.INVALID_REQUEST.exception("The request path or query holds a character or encoding the "
                        + "gateway refuses (an encoded slash, percent sign or NUL, a ';', a '..' segment, or a "
                        + "character that is not printable)."));
    }
}

package org.ggzy.sgw.gateway.security;

import org.springframework.boot.web.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The actuator's own port, when {@code management.server.port} puts it on one (learnt when that server starts, so
 * a random port works too). Requests arriving there are the operators' (bind it to an internal interface with
 * {@code management.server.address}); on the application's port, the actuator beyond health is for SYSADMIN.
 */
@Component
class ManagementPort implements ApplicationListener<ReactiveWebServerInitializedEvent>, ServerWebExchangeMatcher {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(ReactiveWebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        boolean here = port > 0 && local != null && local.getPort() == port;
        return here ? MatchResult.match() : MatchResult.notMatch();
    }
}

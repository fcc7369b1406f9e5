package org.ggzy.sgw.gateway.bench;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The benchmark profile ({@code bench}, never in production): a no-op endpoint that the load generator
 * ({@code bench/run-load.sh}) measures beside the push path, so that every push figure can be given as a share of
 * what this machine and this process can do at all.
 *
 * <ul>
 *   <li>{@code POST /api/v1/bench/noop-edge}: through the same edge filters as a push (the route
 *       {@code bench-noop-edge} of {@code application-bench.yaml}: body limit, signature and nonce, rate limit), then
 *       forwarded to {@code /internal/api/v1/bench/noop-edge}, which reads nothing but the body and answers
 *       {@code 202};
 *   <li>{@code POST /api/v1/bench/noop-direct}: the same handler without the edge filters.
 * </ul>
 *
 * Both paths pass one security filter chain that permits everything, as the push path does (its paths are permitted
 * by the main chain and authenticated by the edge).
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchConfig {

    static final String EDGE = "/api/v1/bench/noop-edge";
    static final String DIRECT = "/api/v1/bench/noop-direct";
    static final String INTERNAL_EDGE = "/internal" + EDGE;

    @Bean
    RouterFunction<ServerResponse> benchNoopRoutes() {
        NoopHandler handler = new NoopHandler();
        return route(POST(INTERNAL_EDGE), handler::behindEdge).andRoute(POST(DIRECT), handler::direct);
    }

    /** Ahead of the main chain, and only for {@code /api/v1/bench/**}: the no-op paths need no bearer token. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain benchSecurityFilterChain(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/v1/bench/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(ex -> ex.anyExchange().permitAll())
                .build();
    }
}

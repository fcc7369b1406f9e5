package org.ggzy.sgw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PlatformRateLimitGatewayFilterFactoryTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicBoolean passed = new AtomicBoolean();

    MockServerWebExchange exchange() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/push/x"));
        exchange.getAttributes()
                .put(EdgeAttributes.PLATFORM, new PlatformCredentials("P", "350000", true, Set.of(), List.of("s")));
        return exchange;
    }

    GatewayFilter filter(RateLimiter limiter) {
        return new PlatformRateLimitGatewayFilterFactory(limiter, meters)
                .apply(new PlatformRateLimitGatewayFilterFactory.Config());
    }

    @Test
    void shouldFailOpenWhenTheStoreDoesNotAnswer() {
        GatewayFilter filter = filter((key, rate, burst) -> Mono.error(new IllegalStateException("redis down")));
        StepVerifier.create(filter.filter(exchange(), e -> Mono.fromRunnable(() -> passed.set(true))))
                .verifyComplete();
        assertThat(passed).isTrue();
        assertThat(meters.get("sgw.edge.rate_limit.fail_open").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldRefuseWithRetryAfterWhenOverTheLimit() {
        GatewayFilter filter =
                filter((key, rate, burst) -> Mono.just(new RateLimiter.Decision(false, 0, Duration.ofMillis(1200))));
        StepVerifier.create(filter.filter(exchange(), e -> Mono.fromRunnable(() -> passed.set(true))))
                .expectErrorSatisfies(e -> {
                    assertThat(((ProblemException) e).type()).isEqualTo(ProblemType.RATE_LIMITED);
                    assertThat(((ProblemException) e).headers().getFirst("Retry-After"))
                            .isEqualTo("2");
                })
                .verify();
        assertThat(passed).isFalse();
    }
}

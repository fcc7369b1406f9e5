package org.ggzy.sgw.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code PlatformRateLimit=50,100}: a token bucket per authenticated platform (requests a second, burst). Over the
 * limit: {@code 429 rate-limited} with {@code Retry-After}. When the bucket store cannot answer, the request goes
 * ahead (rate limiting fails open: losing it costs capacity, not correctness) and the miss is counted.
 */
@Component
public class PlatformRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<PlatformRateLimitGatewayFilterFactory.Config> {

    public static final int ORDER = -200;

    private static final Logger log = LoggerFactory.getLogger(PlatformRateLimitGatewayFilterFactory.class);

    private final RateLimiter limiter;
    private final Counter failOpen;

    public PlatformRateLimitGatewayFilterFactory(RateLimiter limiter, MeterRegistry meters) {
        super(Config.class);
        this.limiter = limiter;
        this.failOpen = Counter.builder("sgw.edge.rate_limit.fail_open")
                .description("Requests let through because the rate-limit store did not answer")
                .register(meters);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("requestsPerSecond", "burst");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    PlatformCredentials platform = exchange.getAttribute(EdgeAttributes.PLATFORM);
                    if (platform == null) {
                        return Mono.error(ProblemType.UNAUTHORIZED.exception("Request is not authenticated."));
                    }
                    return limiter.acquire(platform.code(), config.getRequestsPerSecond(), config.getBurst())
                            .onErrorResume(e -> {
                                failOpen.increment();
                                log.atWarn()
                                        .addKeyValue("platformCode", platform.code())
                                        .log(
                                                "rate-limit store unavailable, letting the request through: {}",
                                                e.toString());
                                return Mono.just(RateLimiter.Decision.allow(-1));
                            })
                            .flatMap(decision -> {
                                if (decision.allowed()) {
                                    return chain.filter(exchange);
                                }
                                long seconds =
                                        Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
                                return Mono.error(ProblemType.RATE_LIMITED
                                        .exception("Platform " + platform.code() + " is over its limit of "
                                                + config.getRequestsPerSecond() + " requests a second.")
                                        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
                            });
                },
                ORDER);
    }

    /** Configuration of {@code PlatformRateLimit}. */
    public static class Config {
        private int requestsPerSecond = 100;
        private int burst = 200;

        public int getRequestsPerSecond() {
            return requestsPerSecond;
        }

        public void setRequestsPerSecond(int requestsPerSecond) {
            if (requestsPerSecond < 1) {
                throw new IllegalArgumentException("PlatformRateLimit requests-per-second must be at least 1");
            }
            this.requestsPerSecond = requestsPerSecond;
        }

        public int getBurst() {
            return burst;
        }

        public void setBurst(int burst) {
            if (burst < 1) {
                throw new IllegalArgumentException("PlatformRateLimit burst must be at least 1");
            }
            this.burst = burst;
        }

        @Override
        public String toString() {
            return "PlatformRateLimit[requestsPerSecond=" + requestsPerSecond + ", burst=" + burst + "]";
        }
    }
}

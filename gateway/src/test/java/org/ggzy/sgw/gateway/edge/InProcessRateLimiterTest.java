package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InProcessRateLimiterTest {

    final AtomicLong now = new AtomicLong();
    final InProcessRateLimiter limiter = new InProcessRateLimiter(now::get);

    @Test
    void shouldAllowTheBurstThenRefuseUntilATokenIsDue() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(limiter.acquire("p", 2, 3))
                    .expectNextMatches(RateLimiter.Decision::allowed)
                    .verifyComplete();
        }
        StepVerifier.create(limiter.acquire("p", 2, 3))
                .expectNextMatches(d -> !d.allowed() && d.retryAfter().equals(Duration.ofMillis(500)))
                .verifyComplete();
        StepVerifier.create(limiter.acquire("other", 2, 3))
                .expectNextMatches(RateLimiter.Decision::allowed)
                .verifyComplete();
        now.addAndGet(Duration.ofMillis(500).toNanos());
        StepVerifier.create(limiter.acquire("p", 2, 3))
                .expectNextMatches(RateLimiter.Decision::allowed)
                .verifyComplete();
    }
}

package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** A token bucket per key: {@code rate} tokens a second, at most {@code burst} saved up. */
public interface RateLimiter {

    Mono<Decision> acquire(String key, int rate, int burst);

    /** Whether the request may go ahead, and if not, when the next token is due. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {

        static Decision allow(long remaining) {
            return new Decision(true, remaining, Duration.ZERO);
        }
    }
}

package org.ggzy.sgw.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/** The embedded default's token buckets, in this process's memory (one node). */
class InProcessRateLimiter implements RateLimiter {

    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    InProcessRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Decision> acquire(String key, int rate, int burst) {
        return Mono.fromSupplier(() ->
                buckets.get(key, k -> new Bucket(burst, nanoTime.getAsLong())).take(rate, burst, nanoTime.getAsLong()));
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.refilledAt = now;
        }

        synchronized Decision take(int rate, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * rate);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.allow((long) tokens);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / rate * 1e9);
            return new Decision(false, 0, Duration.ofNanos(waitNanos));
        }
    }
}

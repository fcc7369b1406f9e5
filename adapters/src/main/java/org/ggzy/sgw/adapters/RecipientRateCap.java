package org.ggzy.sgw.adapters;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * At most {@code max} attempts per recipient in a fixed window of {@code per}, counted in this node's memory (a cap
 * against flooding one phone, not an exact quota across nodes).
 */
final class RecipientRateCap {

    private final int max;
    private final Duration per;
    private final Clock clock;
    private final Cache<String, Window> windows;

    RecipientRateCap(RateCapProperties properties, Clock clock) {
        this.max = properties.max();
        this.per = properties.per();
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .expireAfterAccess(per)
                .maximumSize(100_000)
                .build();
    }

    /** Counts one attempt for {@code recipient}; false when that is over the cap (the attempt is not to be made). */
    boolean tryAcquire(String recipient) {
        long now = clock.millis();
        Window window = windows.asMap()
                .compute(
                        recipient,
                        (key, old) -> old == null || now - old.start() >= per.toMillis()
                                ? new Window(now, 1)
                                : new Window(old.start(), old.count() + 1));
        return window.count() <= max;
    }

    /** The cause of a capped attempt (it names no recipient: causes are stored and shown). */
    String cause() {
        return "rate cap: at most " + max + " per " + per + " for one recipient";
    }

    @Override
    public String toString() {
        return "RecipientRateCap[" + max + " per " + per + "]";
    }

    private record Window(long start, int count) {}
}

package org.ggzy.sgw.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The embedded default's login throttle, in this process's memory (one node). */
final class InProcessLoginThrottle implements LoginThrottle {

    private final LoginProperties properties;
    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    InProcessLoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Duration> retryAfter(String account, String address) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Duration a = wait(LoginThrottle.accountKey(account), properties.maxAccountFailures(), now);
            Duration b = wait(LoginThrottle.addressKey(address), properties.maxAddressFailures(), now);
            return a.compareTo(b) >= 0 ? a : b;
        });
    }

    @Override
    public Mono<Void> failed(String account, String address) {
        return Mono.fromRunnable(() -> {
            Instant now = clock.instant();
            count(LoginThrottle.accountKey(account), now);
            count(LoginThrottle.addressKey(address), now);
        });
    }

    @Override
    public Mono<Void> succeeded(String account) {
        return Mono.fromRunnable(() -> windows.invalidate(LoginThrottle.accountKey(account)));
    }

    private Duration wait(String key, int limit, Instant now) {
        Window w = windows.getIfPresent(key);
        return w == null ? Duration.ZERO : w.wait(limit, properties.window(), now);
    }

    private void count(String key, Instant now) {
        windows.asMap()
                .compute(
                        key,
                        (k, w) -> w == null || w.over(properties.window(), now)
                                ? new Window(now, 1)
                                : new Window(w.start(), w.failures() + 1));
    }

    private record Window(Instant start, int failures) {

        boolean over(Duration window, Instant now) {
            return !now.isBefore(start.plus(window)) || now.isBefore(start.minus(window));
        }

        Duration wait(int limit, Duration window, Instant now) {
            return failures < limit || over(window, now) ? Duration.ZERO : Duration.between(now, start.plus(window));
        }
    }
}

package org.ggzy.sgw.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The embedded default's nonce store: in this process's memory, so only right for a single node. Entries expire
 * after their TTL; the bound on entries is far above what the timestamp window lets through.
 */
class InProcessNonceStore implements NonceStore {

    private final Cache<String, Long> nonces = Caffeine.newBuilder()
            .maximumSize(5_000_000)
            .expireAfter(new Expiry<String, Long>() {
                @Override
                public long expireAfterCreate(String key, Long ttlNanos, long currentTime) {
                    return ttlNanos;
                }

                @Override
                public long expireAfterUpdate(String key, Long ttlNanos, long currentTime, long currentDuration) {
                    return currentDuration;
                }

                @Override
                public long expireAfterRead(String key, Long ttlNanos, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .build();

    @Override
    public Mono<Boolean> claim(String platformCode, String nonce, Duration ttl) {
        return Mono.fromSupplier(() -> nonces.asMap().putIfAbsent(platformCode + ':' + nonce, ttl.toNanos()) == null);
    }
}

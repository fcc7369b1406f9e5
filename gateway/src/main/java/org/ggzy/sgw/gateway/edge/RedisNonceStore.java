package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/** Nonces in Redis, shared by every node: {@code SET sgw:nonce:<platform>:<nonce> 1 NX PX <ttl>}. */
class RedisNonceStore implements NonceStore {

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;

    RedisNonceStore(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public Mono<Boolean> claim(String platformCode, String nonce, Duration ttl) {
        return redis.opsForValue()
                .setIfAbsent("sgw:nonce:" + platformCode + ":" + nonce, "1", ttl)
                .timeout(timeout)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no answer from Redis")));
    }
}

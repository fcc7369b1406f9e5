package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every node. One Lua script reads, refills and takes atomically, using the Redis
 * server's clock so that nodes with skewed clocks agree.
 */
class RedisRateLimiter implements RateLimiter {

    private static final RedisScript<List<Long>> SCRIPT = RedisScript.of(
            """
            local key = KEYS[1]
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local state = redis.call('HMGET', key, 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil then
              tokens = burst
              at = now
            end
            tokens = math.min(burst, tokens + (math.max(0, now - at) / 1000000) * rate)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) / rate * 1000000)
            end
            redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', key, math.ceil(burst / rate * 2000) + 1000)
            return { allowed, math.floor(tokens), wait }
            """,
            castList());

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;

    RedisRateLimiter(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @SuppressWarnings("unchecked")
    private static Class<List<Long>> castList() {
        return (Class<List<Long>>) (Class<?>) List.class;
    }

    @Override
    public Mono<Decision> acquire(String key, int rate, int burst) {
        return redis.execute(
                        SCRIPT, List.of("sgw:rate:" + key), List.of(Integer.toString(rate), Integer.toString(burst)))
                .next()
                .timeout(timeout)
                .map(r -> r.get(0) == 1L
                        ? Decision.allow(r.get(1))
                        : new Decision(false, 0, Duration.ofNanos(r.get(2) * 1000)));
    }
}

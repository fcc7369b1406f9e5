package org.ggzy.sgw.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Failed-login windows in Redis, shared by every node: one hash per account and per address (window start and
 * failures), read and counted by Lua scripts with the gateway's clock. When Redis does not answer, logins go ahead
 * unthrottled (logged): a Redis outage must not lock every administrator out.
 */
final class RedisLoginThrottle implements LoginThrottle {

    static final String PREFIX = "sgw:login:";
    private static final Logger log = LoggerFactory.getLogger(RedisLoginThrottle.class);

    private static final RedisScript<Long> WAIT = RedisScript.of(
            """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local wait = 0
            for i = 1, 2 do
              local s = redis.call('HMGET', KEYS[i], 'start', 'failures')
              local start = tonumber(s[1])
              local failures = tonumber(s[2])
              if start ~= nil and failures >= tonumber(ARGV[2 + i]) and now >= start - window and now < start + window then
                wait = math.max(wait, start + window - now)
              end
            end
            return wait
            """,
            Long.class);

    private static final RedisScript<Long> FAIL = RedisScript.of(
            """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            for i = 1, 2 do
              local start = tonumber(redis.call('HGET', KEYS[i], 'start'))
              if start == nil or now >= start + window or now < start - window then
                redis.call('HSET', KEYS[i], 'start', ARGV[1], 'failures', 1)
              else
                redis.call('HINCRBY', KEYS[i], 'failures', 1)
              end
              redis.call('PEXPIRE', KEYS[i], window)
            end
            return 0
            """,
            Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final LoginProperties properties;
    private final Clock clock;

    RedisLoginThrottle(ReactiveStringRedisTemplate redis, Duration timeout, LoginProperties properties, Clock clock) {
        this.redis = redis;
        this.timeout = timeout;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Duration> retryAfter(String account, String address) {
        List<String> args = List.of(
                Long.toString(clock.millis()),
                Long.toString(properties.window().toMillis()),
                Integer.toString(properties.maxAccountFailures()),
                Integer.toString(properties.maxAddressFailures()));
        return redis.execute(WAIT, keys(account, address), args)
                .next()
                .timeout(timeout)
                .map(Duration::ofMillis)
                .onErrorResume(e -> unavailable(e, Duration.ZERO));
    }

    @Override
    public Mono<Void> failed(String account, String address) {
        List<String> args = List.of(
                Long.toString(clock.millis()), Long.toString(properties.window().toMillis()));
        return redis.execute(FAIL, keys(account, address), args)
                .next()
                .timeout(timeout)
                .then()
                .onErrorResume(e -> unavailable(e, null));
    }

    @Override
    public Mono<Void> succeeded(String account) {
        return redis.delete(PREFIX + LoginThrottle.accountKey(account))
                .timeout(timeout)
                .then()
                .onErrorResume(e -> unavailable(e, null));
    }

    private static List<String> keys(String account, String address) {
        return List.of(PREFIX + LoginThrottle.accountKey(account), PREFIX + LoginThrottle.addressKey(address));
    }

    private static <T> Mono<T> unavailable(Throwable e, T fallback) {
        log.warn("login throttle unavailable, logins go ahead unthrottled: {}", e.toString());
        return Mono.justOrEmpty(fallback);
    }
}

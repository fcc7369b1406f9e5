package org.ggzy.sgw.gateway.session;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The session bus across nodes: Redis pub/sub on one channel, one subscription per node. */
final class RedisSessionBus implements SessionBus {

    static final String CHANNEL = "sgw:sessions";
    private static final Logger log = LoggerFactory.getLogger(RedisSessionBus.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final Flux<String> shared;

    RedisSessionBus(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
        this.shared = Flux.defer(() -> redis.listenTo(ChannelTopic.of(CHANNEL)))
                .map(m -> m.getMessage())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .share();
    }

    @Override
    public Mono<Void> publish(String username) {
        return redis.convertAndSend(CHANNEL, username)
                .timeout(timeout)
                .onErrorResume(e -> {
                    log.warn(
                            "token change of {} not published (other nodes see it within the cache time): {}",
                            username,
                            e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public Flux<String> changes() {
        return shared;
    }
}

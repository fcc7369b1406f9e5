package org.ggzy.sgw.gateway.warning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The warning bus across nodes: Redis pub/sub on one channel. Every node subscribes once and shares the subscription
 * among its stream clients.
 */
final class RedisWarningBus implements WarningBus {

    static final String CHANNEL = "sgw:warnings";
    private static final Logger log = LoggerFactory.getLogger(RedisWarningBus.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final Counter failures;
    private final Flux<Published> shared;

    RedisWarningBus(ReactiveStringRedisTemplate redis, Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.timeout = timeout;
        this.failures = Counter.builder("sgw_warning_publish_failures_total")
                .description("Warning changes that could not be published to Redis (streams resume from the database)")
                .register(meters);
        this.shared = Flux.defer(() -> redis.listenTo(ChannelTopic.of(CHANNEL)))
                .map(m -> Published.decode(m.getMessage()))
                .retryWhen(reactor.util.retry.Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(5)))
                .share();
    }

    @Override
    public Mono<Void> publish(List<WarningChange> changes) {
        return Flux.fromIterable(changes)
                .filter(WarningChange::notifies)
                .concatMap(c -> redis.convertAndSend(CHANNEL, new Published(c.seq(), c.warningId()).encode())
                        .timeout(timeout)
                        .onErrorResume(e -> {
                            failures.increment();
                            log.warn("warning change {} not published: {}", c.seq(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    @Override
    public Flux<Published> changes() {
        return shared;
    }
}

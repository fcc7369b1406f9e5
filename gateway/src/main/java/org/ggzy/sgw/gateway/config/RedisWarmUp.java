package org.ggzy.sgw.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connection at start-up, on the main thread. Spring Data Redis opens it on first use, and
 * opening it is a blocking connect: left to the first push, it would run on an event loop. If Redis is down at
 * start, the gateway still starts (the edge answers 503 until Redis is back) and the connection is opened on the
 * first use after that; once open, Lettuce reconnects it by itself.
 */
@Component
@ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "true")
class RedisWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RedisWarmUp.class);

    private final ReactiveRedisConnectionFactory connections;

    RedisWarmUp(ReactiveRedisConnectionFactory connections) {
        this.connections = connections;
    }

    @EventListener(ApplicationStartedEvent.class)
    void open() {
        try {
            connections.getReactiveConnection().closeLater().block();
        } catch (RuntimeException e) {
            LOG.warn("Redis is not reachable at start-up; the edge refuses pushes until it is: {}", e.getMessage());
        }
    }
}

package org.ggzy.sgw.gateway.edge;

import org.ggzy.sgw.gateway.config.RedisProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The stores behind the edge: Redis when {@code sgw.redis.enabled} (the {@code postgres} profile, any multi-node
 * deployment), in-process otherwise (the embedded default, one node).
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfig {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "true")
    static class Shared {

        @Bean
        NonceStore sharedNonceStore(ReactiveStringRedisTemplate redis, RedisProperties properties) {
            return new RedisNonceStore(redis, properties.commandTimeout());
        }

        @Bean
        RateLimiter sharedRateLimiter(ReactiveStringRedisTemplate redis, RedisProperties properties) {
            return new RedisRateLimiter(redis, properties.commandTimeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "false", matchIfMissing = true)
    static class InProcess {

        @Bean
        NonceStore localNonceStore() {
            return new InProcessNonceStore();
        }

        @Bean
        RateLimiter localRateLimiter() {
            return new InProcessRateLimiter(System::nanoTime);
        }
    }
}

package org.ggzy.sgw.gateway.config;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce emits the answers of reactive commands on its computation threads, not on the one I/O thread of the shared
 * connection. Otherwise everything that follows a Redis answer at the edge (the rest of the filter chain, reading
 * and checking the push) runs on that I/O thread, and under load the answers of other requests wait behind it until
 * the edge's command timeout takes Redis for down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "true")
class RedisClientConfig {

    @Bean
    LettuceClientConfigurationBuilderCustomizer publishOnComputationThreads() {
        return builder -> {
            ClientOptions current = builder.build().getClientOptions().orElseGet(ClientOptions::create);
            builder.clientOptions(current.mutate().publishOnScheduler(true).build());
        };
    }
}

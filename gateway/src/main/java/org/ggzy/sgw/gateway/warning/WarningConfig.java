package org.ggzy.sgw.gateway.warning;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.micrometer.core.instrument.MeterRegistry;
import org.ggzy.sgw.gateway.config.RedisProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Warnings: the regulator API, silences, and the bus that fans changes out to every node's streams. */
@Configuration(proxyBeanMethods = false)
class WarningConfig {

    @Bean
    RouterFunction<ServerResponse> warningRoutes(WarningHandler warnings, SilenceHandler silences) {
        return route(GET("/api/v1/warnings/stream"), warnings::stream)
                .andRoute(GET("/api/v1/warnings"), warnings::list)
                .andRoute(GET("/api/v1/warnings/{id}"), warnings::detail)
                .andRoute(POST("/api/v1/warnings/{id}/acknowledge"), warnings::acknowledge)
                .andRoute(POST("/api/v1/warnings/{id}/resolve"), warnings::resolve)
                .andRoute(POST("/api/v1/warnings/{id}/assign"), warnings::assign)
                .andRoute(POST("/api/v1/silences"), silences::create)
                .andRoute(GET("/api/v1/silences"), silences::list)
                .andRoute(DELETE("/api/v1/silences/{id}"), silences::expire);
    }

    @Bean
    @ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "true")
    WarningBus sharedWarningBus(ReactiveStringRedisTemplate redis, RedisProperties properties, MeterRegistry meters) {
        return new RedisWarningBus(redis, properties.commandTimeout(), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "false", matchIfMissing = true)
    WarningBus localWarningBus() {
        return new InProcessWarningBus();
    }
}

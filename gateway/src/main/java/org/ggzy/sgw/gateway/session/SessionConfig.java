package org.ggzy.sgw.gateway.session;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Clock;
import org.ggzy.sgw.gateway.config.RedisProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Sessions: logout and changing one's own password, the bus that tells every node a user's tokens changed, and the
 * login throttle. Redis when {@code sgw.redis.enabled}, in process otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    RouterFunction<ServerResponse> sessionRoutes(SessionHandler sessions) {
        return route(POST("/api/v1/auth/logout"), sessions::logout)
                .andRoute(POST("/api/v1/auth/password"), sessions::changePassword);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "true")
    static class Shared {

        @Bean
        SessionBus sharedSessionBus(ReactiveStringRedisTemplate redis, RedisProperties properties) {
            return new RedisSessionBus(redis, properties.commandTimeout());
        }

        @Bean
        LoginThrottle sharedLoginThrottle(
                ReactiveStringRedisTemplate redis,
                RedisProperties redisProperties,
                LoginProperties login,
                Clock clock) {
            return new RedisLoginThrottle(redis, redisProperties.commandTimeout(), login, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sgw.redis.enabled", havingValue = "false", matchIfMissing = true)
    static class InProcess {

        @Bean
        SessionBus localSessionBus() {
            return new InProcessSessionBus();
        }

        @Bean
        LoginThrottle localLoginThrottle(LoginProperties login, Clock clock) {
            return new InProcessLoginThrottle(login, clock);
        }
    }
}

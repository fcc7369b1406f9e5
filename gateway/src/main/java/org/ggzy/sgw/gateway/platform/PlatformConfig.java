package org.ggzy.sgw.gateway.platform;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of platform administration. */
@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    @Bean
    RouterFunction<ServerResponse> platformRoutes(PlatformHandler handler) {
        return route(POST("/api/v1/admin/platforms"), handler::create)
                .andRoute(GET("/api/v1/admin/platforms"), handler::list)
                .andRoute(GET("/api/v1/admin/platforms/{code}"), handler::one)
                .andRoute(PATCH("/api/v1/admin/platforms/{code}"), handler::update)
                .andRoute(POST("/api/v1/admin/platforms/{code}/rotate-secret"), handler::rotateSecret);
    }
}

package org.ggzy.sgw.gateway.outbox;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Delivery: the outbox, its relay and the operators' API (SYSADMIN). */
@Configuration(proxyBeanMethods = false)
class OutboxConfig {

    @Bean
    RouterFunction<ServerResponse> deliveryRoutes(DeliveryHandler handler) {
        return route(GET("/api/v1/admin/deliveries"), handler::list)
                .andRoute(GET("/api/v1/admin/deliveries/backlog"), handler::backlog)
                .andRoute(POST("/api/v1/admin/deliveries/replay"), handler::replay);
    }
}

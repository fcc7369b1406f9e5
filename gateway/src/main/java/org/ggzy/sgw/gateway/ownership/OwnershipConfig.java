package org.ggzy.sgw.gateway.ownership;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of project ownership administration. */
@Configuration(proxyBeanMethods = false)
class OwnershipConfig {

    static final String PROJECT = "/api/v1/admin/projects/{tradeType}/{projectCode}";

    @Bean
    RouterFunction<ServerResponse> ownershipRoutes(OwnershipHandler handler) {
        return route(GET(PROJECT + "/ownership"), handler::ownership)
                .andRoute(PUT(PROJECT + "/co-platforms/{platformCode}"), handler::grant)
                .andRoute(DELETE(PROJECT + "/co-platforms/{platformCode}"), handler::revoke)
                .andRoute(POST(PROJECT + "/handover"), handler::handOver);
    }
}

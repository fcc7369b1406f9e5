package org.ggzy.sgw.gateway.audit;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the audit trail ({@code AUDITOR} only, see {@code AccessMatrix}). */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    RouterFunction<ServerResponse> auditRoutes(AuditHandler handler) {
        return route(GET("/api/v1/audit/verify"), handler::verify).andRoute(GET("/api/v1/audit"), handler::list);
    }
}

package org.ggzy.sgw.gateway.lifecycle;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.ggzy.sgw.gateway.rules.RuleContext;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Lifecycle state, expectations and the deadline scanner. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfig {

    @Bean
    Deadlines deadlines(WorkingDays workingDays) {
        return new Deadlines(workingDays);
    }

    @Bean
    PushLate pushLate(Deadlines deadlines, TimelinessProperties properties) {
        return new PushLate(deadlines, properties);
    }

    @Bean
    ExpectationPlanner expectationPlanner(Catalog catalog, Deadlines deadlines, TimelinessProperties properties) {
        return new ExpectationPlanner(catalog, deadlines, properties);
    }

    @Bean
    RuleContext ruleContext(WorkingDays workingDays) {
        return new RuleContext(workingDays);
    }

    @Bean
    RouterFunction<ServerResponse> scanRoutes(ScanHandler handler) {
        return route(POST("/api/v1/admin/scan"), handler::scan);
    }
}

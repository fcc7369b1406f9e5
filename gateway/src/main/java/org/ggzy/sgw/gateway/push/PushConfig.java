package org.ggzy.sgw.gateway.push;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.ggzy.sgw.schemas.RecordValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The push handlers, mounted under {@code /internal}: clients call {@code /api/v1/push/**}, which the edge route
 * authenticates and forwards here (see {@code spring.cloud.gateway.server.webflux.routes} in application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class PushConfig {

    static final String BASE = "/internal/api/v1/push";

    @Bean
    RouterFunction<ServerResponse> pushRoutes(PushHandler handler) {
        return route(POST(BASE + "/validate/{dataset}"), handler::validate)
                .andRoute(GET(BASE + "/receipts/{receiptId}"), handler::receipt)
                .andRoute(GET(BASE + "/records"), handler::records)
                .andRoute(POST(BASE + "/{dataset}"), handler::push);
    }

    @Bean
    RecordParser recordParser(PushProperties properties) {
        return new RecordParser(properties.maxRecords(), properties.maxDepth(), properties.maxStringLength());
    }

    @Bean
    RecordChecker recordChecker(RecordValidator validator, PushProperties properties) {
        return new RecordChecker(validator, properties.futureTolerance());
    }
}

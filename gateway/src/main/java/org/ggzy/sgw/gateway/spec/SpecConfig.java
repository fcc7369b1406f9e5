package org.ggzy.sgw.gateway.spec;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The specification, loaded and compiled once at start, and its public read API. */
@Configuration(proxyBeanMethods = false)
class SpecConfig {

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }

    @Bean
    WorkingDays workingDays() {
        return WorkingDays.standard();
    }

    @Bean
    RecordValidator recordValidator(Catalog catalog) {
        return RecordValidator.standard(catalog);
    }

    @Bean
    RouterFunction<ServerResponse> datasetRoutes(DatasetHandler handler) {
        return route(GET("/api/v1/datasets"), handler::list)
                .andRoute(GET("/api/v1/datasets/{dataset}/schema"), handler::schema)
                .andRoute(GET("/api/v1/datasets/{dataset}"), handler::one);
    }
}

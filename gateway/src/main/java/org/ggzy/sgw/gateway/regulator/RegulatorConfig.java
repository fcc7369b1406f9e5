package org.ggzy.sgw.gateway.regulator;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The regulator's read API (API.md §2 "Projects, platforms, statistics") and the platform's own scorecard. The
 * security chain admits REGULATOR and SYSADMIN to the first; the second sits under {@code /internal}, reached only
 * through the edge's signed {@code /api/v1/push/scorecard}.
 */
@Configuration(proxyBeanMethods = false)
class RegulatorConfig {

    static final String OWN_SCORECARD = "/internal/api/v1/push/scorecard";

    @Bean
    RouterFunction<ServerResponse> regulatorRoutes(ProjectHandler projects, QualityHandler quality) {
        return route(GET("/api/v1/projects/{tenderProjectCode}/archive"), projects::archive)
                .andRoute(GET("/api/v1/projects/{tenderProjectCode}"), projects::view)
                .andRoute(GET("/api/v1/platforms/{platformCode}/scorecard"), quality::platformScorecard)
                .andRoute(GET("/api/v1/stats/overview"), quality::overview)
                .andRoute(GET(OWN_SCORECARD), quality::ownScorecard);
    }
}

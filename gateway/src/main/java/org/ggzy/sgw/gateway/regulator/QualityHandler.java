package org.ggzy.sgw.gateway.regulator;

import java.time.Clock;
import org.ggzy.sgw.gateway.edge.EdgeAttributes;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Scorecards (regulators and the platform itself) and the statistics overview. */
@Component
class QualityHandler {

    private final QualityService service;
    private final Clock clock;

    QualityHandler(QualityService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** {@code GET /api/v1/platforms/{platformCode}/scorecard}. */
    Mono<ServerResponse> platformScorecard(ServerRequest request) {
        String code = request.pathVariable("platformCode");
        Window window = window(request);
        return caller().flatMap(scope -> service.scorecard(code, scope, window))
                .flatMap(card -> ServerResponse.ok().bodyValue(card));
    }

    /** {@code GET /api/v1/push/scorecard}, forwarded by the edge after checking the platform's signature. */
    Mono<ServerResponse> ownScorecard(ServerRequest request) {
        PlatformCredentials platform = request.attribute(EdgeAttributes.PLATFORM)
                .map(PlatformCredentials.class::cast)
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No resource at this path."));
        return service.ownScorecard(platform.code(), window(request))
                .flatMap(card -> ServerResponse.ok().bodyValue(card));
    }

    /** {@code GET /api/v1/stats/overview}. */
    Mono<ServerResponse> overview(ServerRequest request) {
        String region = request.queryParam("region").filter(r -> !r.isBlank()).orElse(null);
        Window window = window(request);
        return caller().flatMap(scope -> service.overview(scope, region, window))
                .flatMap(overview -> ServerResponse.ok().bodyValue(overview));
    }

    private Window window(ServerRequest request) {
        return Window.parse(
                request.queryParam("from").orElse(null),
                request.queryParam("to").orElse(null),
                clock);
    }

    static Mono<Scope> caller() {
        return Scope.current()
                .switchIfEmpty(Mono.error(() -> ProblemType.UNAUTHORIZED.exception(
                        "A valid bearer token is required (POST /api/v1/auth/token).")));
    }
}

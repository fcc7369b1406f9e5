package org.ggzy.sgw.gateway.regulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.ggzy.sgw.gateway.edge.EdgeAttributes;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemWriter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Clients bound to the regulator routes as a given person (bearer token claims) or as a signed platform. */
final class Callers {

    private Callers() {}

    static Jwt regulator(List<String> regions, List<String> tradeTypes) {
        return token("reg", List.of("REGULATOR"), regions, tradeTypes);
    }

    /** A regulator of the whole province of Fujian (350000), every trade type. */
    static Jwt province() {
        return token("reg-fj", List.of("REGULATOR"), List.of("350000"), List.of());
    }

    static WebTestClient as(Jwt jwt, RouterFunction<ServerResponse> routes) {
        return bind(routes.filter((request, next) -> next.handle(request)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new JwtAuthenticationToken(jwt)))));
    }

    /** A request the edge has authenticated as {@code platform} ({@code null}: one that did not pass the edge). */
    static WebTestClient asPlatform(PlatformCredentials platform, RouterFunction<ServerResponse> routes) {
        return bind(routes.filter((request, next) -> {
            if (platform != null) {
                request.exchange().getAttributes().put(EdgeAttributes.PLATFORM, platform);
            }
            return next.handle(request);
        }));
    }

    private static WebTestClient bind(RouterFunction<ServerResponse> routes) {
        ProblemWriter writer = new ProblemWriter(new ObjectMapper());
        WebExceptionHandler problems =
                (exchange, ex) -> ex instanceof ProblemException p ? writer.write(exchange, p) : Mono.error(ex);
        return WebTestClient.bindToRouterFunction(routes)
                .handlerStrategies(
                        HandlerStrategies.builder().exceptionHandler(problems).build())
                .build();
    }

    private static Jwt token(String subject, List<String> roles, List<String> regions, List<String> tradeTypes) {
        return Jwt.withTokenValue("token")
                .header("alg", "HS256")
                .subject(subject)
                .claim("roles", roles)
                .claim("regions", regions)
                .claim("tradeTypes", tradeTypes)
                .build();
    }
}

package org.ggzy.sgw.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.security.AccessMatrix.Access;
import org.ggzy.sgw.gateway.support.AuditTrail;
import org.ggzy.sgw.gateway.support.Lifecycles;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Regulators;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every route of the application (enumerated from the router functions and the edge's routes, so that a new route is
 * tested as soon as it exists) called by every kind of caller: anonymous, the three administrators, regulators of two
 * cities and of a province, and a signed platform. What the access matrix allows must not be refused ({@code 401},
 * {@code 403}); everything else must be, so an extra permission anywhere fails the test.
 */
@PostgresAndRedis
class AccessMatrixIT {

    /** Endpoints that are not router functions. */
    static final List<Endpoint> OTHER = List.of(
            new Endpoint(HttpMethod.GET, "/actuator/health"),
            new Endpoint(HttpMethod.GET, "/actuator/info"),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus"),
            new Endpoint(HttpMethod.GET, "/actuator/env"),
            new Endpoint(HttpMethod.GET, "/api/v1/no-such-route"));

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @Autowired
    RouteDefinitionLocator gatewayRoutes;

    @LocalServerPort
    int port;

    record Endpoint(HttpMethod method, String pattern) {
        String path(String dataset) {
            return pattern.replace("{dataset}", dataset).replaceAll("\\{([A-Za-z]+)}", "x-$1");
        }
    }

    /** A caller: how it sends a request (the answer's status), and which accesses of the matrix it holds. */
    record Caller(String name, Set<Access> holds, Function<Endpoint, Integer> send) {}

    @Test
    void shouldAllowExactlyWhatTheMatrixAllows() {
        WebTestClient web =
                client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        List<Endpoint> endpoints = new ArrayList<>(endpoints());
        // logging out ends the caller's token: last, so that it judges every other route first
        endpoints.sort(java.util.Comparator.comparing(e -> e.pattern().equals("/api/v1/auth/logout")));
        List<String> wrong = new ArrayList<>();
        for (Caller caller : callers(web)) {
            for (Endpoint e : endpoints) {
                Access access = AccessMatrix.of(e.method(), e.path("gcjs.tender-notice"));
                boolean allowed = access == Access.PUBLIC || caller.holds().contains(access);
                int status = caller.send().apply(e);
                boolean refused = status == 401 || status == 403;
                if (allowed == refused) {
                    wrong.add(caller.name() + " " + e.method() + " " + e.pattern() + " (" + access + "): " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldGiveEveryRouteARowOfTheMatrix() {
        List<String> unlisted = endpoints().stream()
                .filter(e -> !OTHER.contains(e) && !e.pattern().startsWith("/internal/"))
                .filter(e -> AccessMatrix.of(e.method(), e.path("d")) == Access.NOBODY)
                .map(Endpoint::toString)
                .toList();

        assertThat(unlisted).isEmpty();
    }

    private List<Caller> callers(WebTestClient web) {
        TestPlatform platform = TestPlatform.register(web, Lifecycles.ADMIN_PASSWORD, "gcjs.tender-notice");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("sysadmin", TestPlatform.adminToken(web, Lifecycles.ADMIN_PASSWORD));
        tokens.put("secadmin", Regulators.token(web, "secadmin", Regulators.SECADMIN_PASSWORD));
        tokens.put("auditor", Regulators.token(web, "auditor", AuditTrail.AUDITOR_PASSWORD));
        for (String region : List.of("350100", "440100", "350000")) {
            tokens.put(
                    "regulator " + region,
                    Regulators.token(
                            web, Regulators.create(web, Regulators.SECADMIN_PASSWORD, region), Regulators.PASSWORD));
        }
        List<Caller> callers = new ArrayList<>();
        WebClient http = WebClient.create("http://localhost:" + port);
        callers.add(new Caller("anonymous", Set.of(), e -> status(http, e, null)));
        tokens.forEach((name, token) -> callers.add(new Caller(name, holds(name), e -> status(http, e, token))));
        callers.add(new Caller("platform", Set.of(Access.PLATFORM), e -> platform.signed(
                        e.method().name(),
                        e.path("gcjs.tender-notice"),
                        body(e),
                        MediaType.APPLICATION_JSON,
                        SignatureMethod.HMAC_SHA256)
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value()));
        return callers;
    }

    private static Set<Access> holds(String caller) {
        return switch (caller) {
            case "sysadmin" -> Set.of(Access.SYSADMIN, Access.PERSON);
            case "secadmin" -> Set.of(Access.SECADMIN, Access.PERSON);
            case "auditor" -> Set.of(Access.AUDITOR, Access.PERSON);
            default -> Set.of(Access.REGULATOR, Access.PERSON);
        };
    }

    /**
     * The status of the answer; the body is not read (the event stream never ends): the connection is closed as soon
     * as the status is known. Every request carries an invalid {@code Last-Event-ID}, which only the event stream
     * reads: it answers {@code 400} at once instead of waiting for an event to send its headers with.
     */
    private static int status(WebClient http, Endpoint e, String token) {
        WebClient.RequestBodySpec spec = http.method(e.method())
                .uri(e.path("gcjs.tender-notice"))
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    // the event stream sends its headers with its first event; a bad resume id is answered at once
                    h.set("Last-Event-ID", "not-an-event-id");
                });
        byte[] body = body(e);
        ResponseEntity<Flux<DataBuffer>> answer = (body.length == 0
                        ? spec
                        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .retrieve()
                .onStatus(s -> true, r -> Mono.empty())
                .toEntityFlux(DataBuffer.class)
                .blockOptional(Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no answer to " + e));
        answer.getBody().subscribe(DataBufferUtils::release).dispose();
        return answer.getStatusCode().value();
    }

    private static byte[] body(Endpoint e) {
        return e.method() == HttpMethod.GET || e.method() == HttpMethod.DELETE ? new byte[0] : "{}".getBytes();
    }

    /**
     * The routes of every router function, the push handlers also as the edge exposes them ({@code /internal}
     * stripped, which an edge route must cover), and {@link #OTHER}.
     */
    private List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> edgePaths = edgePaths();
        for (RouterFunction<?> routes :
                context.getBeansOfType(RouterFunction.class).values()) {
            for (Endpoint e : RouteCollector.of(routes)) {
                add(endpoints, seen, e);
                if (e.pattern().startsWith("/internal/")) {
                    Endpoint external = new Endpoint(e.method(), e.pattern().substring("/internal".length()));
                    assertThat(edgePaths)
                            .as("an edge route for " + external)
                            .anyMatch(p -> PathPatternParser.defaultInstance
                                    .parse(p)
                                    .matches(PathContainer.parsePath(external.path("d"))));
                    add(endpoints, seen, external);
                }
            }
        }
        OTHER.forEach(e -> add(endpoints, seen, e));
        assertThat(endpoints).hasSizeGreaterThan(25);
        return endpoints;
    }

    private static void add(List<Endpoint> endpoints, Set<String> seen, Endpoint e) {
        if (seen.add(e.method() + " " + e.pattern())) {
            endpoints.add(e);
        }
    }

    private List<String> edgePaths() {
        List<String> paths = new ArrayList<>();
        for (RouteDefinition route :
                gatewayRoutes.getRouteDefinitions().collectList().block()) {
            route.getPredicates().stream()
                    .filter(p -> p.getName().equals("Path"))
                    .forEach(p -> paths.addAll(p.getArgs().values()));
        }
        return paths;
    }
}

package org.ggzy.sgw.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.ggzy.sgw.gateway.GatewayApplication;
import org.ggzy.sgw.gateway.support.Lifecycles;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Scenario;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two gateway nodes against one PostgreSQL and Redis: a scenario pushed through both, both scanners run at once
 * (several times over), and an SSE client on each node. No warning, expectation or event is duplicated, and each
 * client sees every warning once.
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
@TestPropertySource(properties = "sgw.scanner.enabled=false")
class TwoNodesIT {

    @Autowired
    WebTestClient one;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int portOne;

    @Value("${sgw.it.postgres-url:jdbc:postgresql://127.0.0.1:5432/test}")
    String jdbcUrl;

    @Value("${sgw.it.postgres-user:postgres}")
    String jdbcUser;

    ConfigurableApplicationContext nodeTwo;
    WebTestClient two;
    int portTwo;

    @BeforeEach
    void startSecondNode() {
        nodeTwo = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("postgres", "it")
                .properties("server.port=0", "sgw.scanner.enabled=false")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run();
        portTwo = ((WebServerApplicationContext) nodeTwo).getWebServer().getPort();
        two = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + portTwo)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        one = one.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void stopSecondNode() {
        nodeTwo.close();
    }

    @Test
    void shouldRaiseEachWarningOnceAndStreamItOnceOnEveryNode() throws Exception {
        Lifecycles nodeOne = new Lifecycles(one, clock);
        Lifecycles.Replay replay = nodeOne.start("gcjs-tender-to-contract");
        TestPlatform platformTwo = new TestPlatform(
                two, replay.platform().code(), replay.platform().secret());
        Lifecycles.Replay replayTwo = new Lifecycles(two, clock).new Replay(platformTwo, replay.scenario());
        List<ServerSentEvent<JsonNode>> sawOne = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<JsonNode>> sawTwo = new CopyOnWriteArrayList<>();
        Disposable a = stream(portOne, nodeOne.provinceToken()).subscribe(sawOne::add);
        Disposable b = stream(portTwo, nodeOne.provinceToken()).subscribe(sawTwo::add);
        try {
            Flux.interval(Duration.ofMillis(100)).take(Duration.ofSeconds(1)).blockLast();
            List<Scenario.Step> steps =
                    replay.scenario().without("gcjs.bid-opening").steps();
            for (int i = 0; i < steps.size(); i++) {
                (i % 2 == 0 ? replay : replayTwo).push(steps.get(i));
            }
            clock.set(replay.scenario().scanAt());
            for (int round = 0; round < 3; round++) {
                Mono.zip(scan(portOne, token(one)), scan(portTwo, token(two))).block(Duration.ofSeconds(60));
            }

            List<JsonNode> warnings = replay.warnings();
            Set<String> ids = warnings.stream().map(w -> w.get("id").asText()).collect(Collectors.toSet());
            assertThat(warnings)
                    .extracting(Lifecycles::describe)
                    .containsExactlyInAnyOrder(
                            "SEQUENCE_GAP|" + replay.scenario().sectionCode() + "|gcjs.bid-opening|ORANGE",
                            "STAGE_MISSING|" + replay.scenario().sectionCode() + "|gcjs.bid-opening|RED");
            assertThat(warnings)
                    .allSatisfy(w -> assertThat(w.get("occurrences").asInt()).isEqualTo(1));
            assertThat(duplicates(replay.scenario().projectCode())).isZero();

            Flux.interval(Duration.ofMillis(100))
                    .takeUntil(t -> seen(sawOne, ids).containsAll(ids)
                            && seen(sawTwo, ids).containsAll(ids))
                    .take(Duration.ofSeconds(20))
                    .blockLast();
            assertThat(seen(sawOne, ids)).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(seen(sawTwo, ids)).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(sawOne).extracting(ServerSentEvent::id).doesNotHaveDuplicates();
            assertThat(sawTwo).extracting(ServerSentEvent::id).doesNotHaveDuplicates();
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    /** The ids of the given warnings among the events a client received, one entry per event. */
    private static List<String> seen(List<ServerSentEvent<JsonNode>> events, Set<String> ids) {
        List<String> seen = new ArrayList<>();
        events.stream()
                .map(e -> e.data().get("id").asText())
                .filter(ids::contains)
                .forEach(seen::add);
        return seen;
    }

    /** Expectations, open warnings and RAISED events of the project that exist more than once (should be none). */
    private int duplicates(String project) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            return count(
                            c,
                            "SELECT COUNT(*) FROM (SELECT 1 FROM expectations WHERE project_code = ? GROUP BY "
                                    + "section_code, rule, dataset, discriminator HAVING COUNT(*) > 1) d",
                            project)
                    + count(
                            c,
                            "SELECT COUNT(*) FROM (SELECT 1 FROM warnings WHERE tender_project_code = ? GROUP BY "
                                    + "fingerprint HAVING COUNT(*) > 1) d",
                            project)
                    + count(
                            c,
                            "SELECT COUNT(*) FROM (SELECT 1 FROM warning_events e JOIN warnings w ON "
                                    + "w.id = e.warning_id WHERE w.tender_project_code = ? AND e.type = 'RAISED' GROUP BY "
                                    + "e.warning_id HAVING COUNT(*) > 1) d",
                            project);
        }
    }

    private static int count(Connection c, String sql, String project) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            statement.setString(1, project);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String token(WebTestClient client) {
        return TestPlatform.adminToken(client, Lifecycles.ADMIN_PASSWORD);
    }

    private static Mono<JsonNode> scan(int port, String token) {
        return WebClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/admin/scan")
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .bodyToMono(JsonNode.class);
    }

    private static Flux<ServerSentEvent<JsonNode>> stream(int port, String token) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/warnings/stream")
                .headers(h -> h.setBearerAuth(token))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                // the events, not the comments that open the stream and keep it alive
                .filter(e -> e.data() != null);
    }
}

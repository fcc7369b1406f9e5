package org.ggzy.sgw.gateway.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ggzy.sgw.gateway.support.Lifecycles;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Regulators on PostgreSQL and Redis: scoped to their regions (a city never sees another city's warnings, through the
 * list, the detail, the actions or the stream), the warning lifecycle with its {@code 409}s, escalation to the parent
 * region, and silences.
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
@TestPropertySource(properties = "sgw.scanner.enabled=false")
class RegulatorIT {

    @Autowired
    WebTestClient client;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    Lifecycles lifecycles;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        lifecycles = new Lifecycles(client, clock);
    }

    /** A missing bid opening in Fuzhou (区划 350104): one STAGE_MISSING warning after the scan. */
    private Lifecycles.Replay missingOpening() {
        Lifecycles.Replay replay = lifecycles.start("gcjs-tender-to-contract");
        replay.push(replay.scenario().without("gcjs.bid-opening").steps());
        replay.scan();
        return replay;
    }

    private JsonNode stageMissing(Lifecycles.Replay replay) {
        return replay.warnings().stream()
                .filter(w -> w.get("rule").asText().equals("STAGE_MISSING"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldShowAWarningOnlyToRegulatorsOfItsRegionAndAbove() {
        Lifecycles.Replay replay = missingOpening();
        JsonNode warning = stageMissing(replay);
        String id = warning.get("id").asText();
        String fuzhou = regulator("350100");
        String xiamen = regulator("350200");
        String fujian = regulator("350000");
        Map<String, String> project =
                Map.of("tenderProjectCode", replay.scenario().projectCode());

        assertThat(warning.get("regionCode").asText()).isEqualTo("350104");
        assertThat(lifecycles.warnings(project, fuzhou))
                .extracting(w -> w.get("id").asText())
                .contains(id);
        assertThat(lifecycles.warnings(project, fujian))
                .extracting(w -> w.get("id").asText())
                .contains(id);
        assertThat(lifecycles.warnings(project, xiamen)).isEmpty();
        assertThat(lifecycles.warnings(Map.of(), xiamen))
                .allSatisfy(w -> assertThat(w.get("regionCode").asText()).startsWith("3502"));
        client.get()
                .uri("/api/v1/warnings/" + id)
                .headers(h -> h.setBearerAuth(xiamen))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.post()
                .uri("/api/v1/warnings/" + id + "/acknowledge")
                .headers(h -> h.setBearerAuth(xiamen))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/api/v1/warnings/" + id)
                .headers(h -> h.setBearerAuth(fuzhou))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.events[0].type")
                .isEqualTo("RAISED");
    }

    @Test
    void shouldFollowTheLifecycleAndRefuseForbiddenTransitions() {
        String id = stageMissing(missingOpening()).get("id").asText();
        String fuzhou = regulator("350100");

        act(id, "acknowledge", fuzhou, Map.of("comment", "已电话核实"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACKNOWLEDGED");
        act(id, "acknowledge", fuzhou, Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ggzy.org/problems/transition-forbidden");
        act(id, "assign", fuzhou, Map.of("assignee", "zhang.wei"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.assignee")
                .isEqualTo("zhang.wei");
        act(id, "resolve", fuzhou, Map.of("comment", "已责令补推开标记录"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RESOLVED")
                .jsonPath("$.resolution")
                .isEqualTo("MANUAL")
                .jsonPath("$.events[*].type")
                .isEqualTo(List.of("RAISED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED"))
                .jsonPath("$.events[3].comment")
                .isEqualTo("已责令补推开标记录");
        act(id, "resolve", fuzhou, Map.of()).expectStatus().isEqualTo(409);
        act(id, "assign", fuzhou, Map.of("assignee", "li.na")).expectStatus().isEqualTo(409);
    }

    @Test
    void shouldEscalateToTheCityThenTheProvinceWhenLeftUnhandled() {
        Lifecycles.Replay replay = missingOpening();
        String id = stageMissing(replay).get("id").asText();
        String province = regulatorAccount("350000");
        WorkingDays days = WorkingDays.standard();
        Instant raised = replay.scenario().scanAt();

        clock.set(days.plusWorkingDays(raised, 10).plusSeconds(60));
        assertThat(lifecycles.scan().get("escalated").asInt()).isPositive();
        JsonNode once = detail(id, token(province, "regulator-password-1"));
        assertThat(once.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(once.get("escalatedTo").asText()).isEqualTo("350100");
        assertThat(once.get("overdue").asBoolean()).isTrue();

        clock.set(days.plusWorkingDays(raised, 15).plusSeconds(60));
        lifecycles.scan();
        String fujian = token(province, "regulator-password-1");
        JsonNode twice = detail(id, fujian);
        assertThat(twice.get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(twice.get("escalatedTo").asText()).isEqualTo("350000");
        assertThat(lifecycles.warnings(
                        Map.of(
                                "escalatedTo",
                                "350000",
                                "tenderProjectCode",
                                replay.scenario().projectCode()),
                        fujian))
                .extracting(w -> w.get("id").asText())
                .contains(id);
        assertThat(twice.get("events")).extracting(e -> e.get("type").asText()).contains("ESCALATED");
    }

    @Test
    void shouldStoreButNotStreamASilencedWarning() {
        Lifecycles.Replay replay = lifecycles.start("gcjs-tender-to-contract");
        String fuzhou = regulator("350100");
        clock.set(replay.scenario().steps().get(0).at());
        client.post()
                .uri("/api/v1/silences")
                .headers(h -> h.setBearerAuth(fuzhou))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "rule", "PUSH_LATE",
                        "platformCode", replay.platform().code(),
                        "regionCode", "350100",
                        "reason", "平台迁移期间补推历史数据",
                        "endsAt", "2027-01-01T00:00:00+08:00"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(true);
        List<ServerSentEvent<JsonNode>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var subscription = stream(fuzhou).subscribe(seen::add);
        try {
            // let the stream connect while its token is valid: the pushes below move the clock three days on
            Flux.interval(Duration.ofMillis(100)).take(Duration.ofSeconds(1)).blockLast();
            var project = replay.scenario().steps().subList(0, 3);
            replay.push(project.stream()
                    .map(s -> s.at(s.at().plus(Duration.ofDays(3))))
                    .toList());

            assertThat(replay.warnings()).isNotEmpty().allSatisfy(w -> {
                assertThat(w.get("rule").asText()).isEqualTo("PUSH_LATE");
                assertThat(w.get("status").asText()).isEqualTo("SILENCED");
            });
            Flux.interval(Duration.ofMillis(200)).take(Duration.ofSeconds(2)).blockLast();
            assertThat(seen).noneMatch(e -> e.data()
                    .path("tenderProjectCode")
                    .asText()
                    .equals(replay.scenario().projectCode()));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void shouldStreamWarningsOfItsScopeOnly() {
        String fuzhou = regulator("350100");
        String xiamen = regulator("350200");
        List<ServerSentEvent<JsonNode>> fuzhouSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ServerSentEvent<JsonNode>> xiamenSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
        var a = stream(fuzhou).subscribe(fuzhouSaw::add);
        var b = stream(xiamen).subscribe(xiamenSaw::add);
        try {
            Flux.interval(Duration.ofMillis(100)).take(Duration.ofSeconds(1)).blockLast();
            Lifecycles.Replay replay = missingOpening();
            String id = stageMissing(replay).get("id").asText();
            Flux.interval(Duration.ofMillis(100))
                    .takeUntil(t -> fuzhouSaw.stream()
                            .anyMatch(e -> e.data().get("id").asText().equals(id)))
                    .take(Duration.ofSeconds(15))
                    .blockLast();

            assertThat(fuzhouSaw).anyMatch(e -> e.data().get("id").asText().equals(id) && "warning".equals(e.event()));
            assertThat(fuzhouSaw).extracting(ServerSentEvent::id).doesNotHaveDuplicates();
            assertThat(xiamenSaw)
                    .allSatisfy(
                            e -> assertThat(e.data().get("regionCode").asText()).startsWith("3502"));
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    @Test
    void shouldAnswerTheStreamAtOnceWhenNothingHappens() {
        String fuzhou = regulator("350100");
        List<ServerSentEvent<String>> opened = WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/warnings/stream")
                .headers(h -> h.setBearerAuth(fuzhou))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .take(1)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(opened).singleElement().satisfies(e -> {
            assertThat(e.comment()).isEqualTo("connected");
            assertThat(e.data()).isNull();
        });
    }

    @Test
    void shouldResumeTheStreamAfterTheLastEventId() {
        Lifecycles.Replay replay = missingOpening();
        String fuzhou = regulator("350100");
        List<JsonNode> raised = replay.warnings().stream()
                .map(w -> detail(w.get("id").asText(), fuzhou).get("events").get(0))
                .sorted(java.util.Comparator.comparingLong(e -> e.get("seq").asLong()))
                .toList();
        assertThat(raised).hasSize(2);
        long first = raised.get(0).get("seq").asLong();
        long second = raised.get(1).get("seq").asLong();

        List<ServerSentEvent<JsonNode>> resumed = WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/warnings/stream")
                .headers(h -> {
                    h.setBearerAuth(fuzhou);
                    h.set("Last-Event-ID", Long.toString(first));
                })
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .filter(e -> e.data() != null)
                .filter(e -> e.data()
                        .get("tenderProjectCode")
                        .asText()
                        .equals(replay.scenario().projectCode()))
                .take(Duration.ofSeconds(3))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(resumed).extracting(ServerSentEvent::id).containsExactly(Long.toString(second));
    }

    private Flux<ServerSentEvent<JsonNode>> stream(String token) {
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

    private WebTestClient.ResponseSpec act(String id, String action, String token, Map<String, String> body) {
        return client.post()
                .uri("/api/v1/warnings/" + id + "/" + action)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private JsonNode detail(String id, String token) {
        return client.get()
                .uri("/api/v1/warnings/" + id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** Creates a regulator of one region (as the security administrator) and returns a token for them. */
    private String regulator(String region) {
        return token(regulatorAccount(region), "regulator-password-1");
    }

    private String regulatorAccount(String region) {
        String username = "reg-" + region + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secadmin = token("secadmin", "it-secadmin-password");
        client.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(secadmin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", username,
                        "password", "regulator-password-1",
                        "roles", List.of("REGULATOR"),
                        "regionCodes", List.of(region),
                        "tradeTypes", List.of("gcjs", "zfcg")))
                .exchange()
                .expectStatus()
                .isCreated();
        return username;
    }

    private String token(String username, String password) {
        return TestPlatform.token(client, username, password);
    }
}

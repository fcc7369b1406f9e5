package org.ggzy.sgw.gateway.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.Regulators;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.ggzy.sgw.schemas.SpecTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Delivery end to end on PostgreSQL: a push writes its outbox rows in the push transaction, the relay hands them to
 * the provincial platform's Camel route, and WireMock (standing in for the provincial platform) answers. A failing
 * destination is retried with the same idempotency key until it recovers; a refused delivery is dead with its cause
 * and comes back with one replay; the provincial platform never sees an identity number unmasked.
 */
@PostgresAndRedis
class DeliveryIT {

    static final WireMockServer PROVINCE = new WireMockServer(options().dynamicPort());
    static final WireMockServer CREDIT = new WireMockServer(options().dynamicPort());
    static final String DISHONEST = "91350100MA2YKQ8N5J";

    static {
        PROVINCE.start();
        CREDIT.start();
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("sgw.adapters.provincial.enabled", () -> "true");
        registry.add("sgw.adapters.provincial.base-url", () -> "http://localhost:" + PROVINCE.port());
        registry.add("sgw.adapters.provincial.response-timeout", () -> "2s");
        registry.add("sgw.adapters.credit.enabled", () -> "true");
        registry.add("sgw.adapters.credit.base-url", () -> "http://localhost:" + CREDIT.port());
        registry.add("sgw.delivery.routes[0].destination", () -> "provincial");
        registry.add("sgw.delivery.routes[0].kinds[0]", () -> "RECORD");
        registry.add("sgw.delivery.relay-interval", () -> "200ms");
        registry.add("sgw.delivery.backoff-base", () -> "200ms");
        registry.add("sgw.delivery.max-attempts", () -> "4");
    }

    @AfterAll
    static void stop() {
        PROVINCE.stop();
        CREDIT.stop();
    }

    @Autowired
    WebTestClient client;

    @Test
    void shouldRetryWithTheSameKeyUntilTheProvinceRecoversAndNeverSendAnIdentityNumber() {
        TestPlatform platform =
                TestPlatform.register(client, "it-admin-password", "gcjs.evaluation-expert", "gcjs.tender-notice");
        var expert = Records.valid("gcjs.evaluation-expert", "valid-chair.json", platform.code());
        java.time.Instant now = java.time.Instant.now();
        expert.put("DATA_TIMESTAMP", SpecTime.formatTs14(now.minusSeconds(3600)));
        expert.put("EXPERT_CHECK_IN_TIME", SpecTime.formatTs14(now.minusSeconds(7200)));
        String idCard = expert.get("ID_CARD").asText();
        String dataKey = expert.get("DATA_KEY").asText();

        PROVINCE.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(dataKey))
                .inScenario("flaky-" + dataKey)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("once"));
        PROVINCE.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(dataKey))
                .inScenario("flaky-" + dataKey)
                .whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        PROVINCE.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(dataKey))
                .inScenario("flaky-" + dataKey)
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        platform.push("gcjs.evaluation-expert", Records.bytes(expert))
                .expectStatus()
                .isAccepted();

        List<LoggedRequest> received = awaitRequests(dataKey, 3);
        assertThat(received).hasSize(3);
        assertThat(received)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(received.get(0).getHeader("Idempotency-Key"));
        assertThat(received).allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain(idCard));
        JsonNode delivered = awaitDelivery(received.get(0).getHeader("Idempotency-Key"), "DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.get("masking").asText()).contains("ID_CARD");
    }

    @Test
    void shouldKeepARefusedDeliveryDeadUntilItIsReplayed() {
        TestPlatform platform = TestPlatform.register(client, "it-admin-password", "gcjs.tender-notice");
        var notice = Records.tenderNotice(platform.code());
        String dataKey = notice.get("DATA_KEY").asText();
        PROVINCE.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(dataKey))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"TENDER_PROJECT_CODE unknown\"}")));

        platform.push("gcjs.tender-notice", Records.bytes(notice))
                .expectStatus()
                .isAccepted();

        String key = awaitRequests(dataKey, 1).get(0).getHeader("Idempotency-Key");
        JsonNode dead = awaitDelivery(key, "DEAD");
        assertThat(dead.get("lastError").asText()).contains("refused");
        assertThat(dead.get("lastHttpStatus").asInt()).isEqualTo(400);
        long deadBefore = backlog().get("dead").asLong();
        assertThat(deadBefore)
                .as("dead deliveries to provincial in the backlog")
                .isPositive();

        PROVINCE.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(dataKey))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200)));
        client.post()
                .uri("/api/v1/admin/deliveries/replay")
                .headers(h -> h.setBearerAuth(TestPlatform.adminToken(client, "it-admin-password")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ids", List.of(key)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .isEqualTo(1);

        assertThat(awaitDelivery(key, "DELIVERED").get("attempts").asInt()).isEqualTo(1);
        assertThat(backlog().get("dead").asLong()).isEqualTo(deadBefore - 1);
        assertThat(awaitRequests(dataKey, 2))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(key);
    }

    @Test
    void shouldTakeOverADeliveryWhoseNodeDiedWhenItsLeaseExpires() throws Exception {
        PROVINCE.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("LEASE-"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200)));
        String id = com.github.f4b6a3.ulid.UlidCreator.getMonotonicUlid().toString();
        String dataKey = "LEASE-" + id;
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, jdbcUser, "");
                var s = c.prepareStatement(
                        "INSERT INTO outbox (id, destination, kind, dataset, trade_type, attributes, "
                                + "payload, masking, status, attempts, next_attempt_at, lease_until, leased_by, created_at, "
                                + "updated_at) VALUES (?, 'provincial', 'RECORD', 'gcjs.tender-notice', 'gcjs', '{}', ?, 'none', "
                                + "'PENDING', 1, now() - interval '1 minute', now() - interval '1 second', 'node-dead', "
                                + "now(), now())")) {
            s.setString(1, id);
            s.setString(2, "{\"DATA_KEY\":\"" + dataKey + "\"}");
            s.executeUpdate();
        }

        JsonNode delivered = awaitDelivery(id, "DELIVERED");

        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(awaitRequests(dataKey, 1))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(id);
    }

    @Test
    void shouldRaiseDishonestPartyWhenTheCreditDatabaseListsABidder() {
        CREDIT.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlEqualTo("/credit/v1/parties/" + DISHONEST))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"partyCode\":\"" + DISHONEST + "\",\"dishonest\":true,\"records\":[{\"listName\":"
                                + "\"失信被执行人\",\"decisionNo\":\"(2026)闽0102执1234号\"}]}")));
        TestPlatform platform = TestPlatform.register(client, "it-admin-password", "gcjs.bidder");
        var bidder = Records.valid("gcjs.bidder", "valid-consortium.json", platform.code());
        java.time.Instant now = java.time.Instant.now();
        bidder.put("DATA_TIMESTAMP", SpecTime.formatTs14(now.minusSeconds(60)));
        bidder.put("MARGIN_RECEIVE_TIME", SpecTime.formatTs14(now.minusSeconds(2 * 86400)));
        bidder.put("CHECKIN_TIME", SpecTime.formatTs14(now.minusSeconds(3600)));
        bidder.put("BIDDER_ORG_CODE", DISHONEST);
        bidder.put("UNION_ORGAN_SET_CODE", DISHONEST);
        String project = bidder.get("TENDER_PROJECT_CODE").asText();

        platform.push("gcjs.bidder", Records.bytes(bidder)).expectStatus().isAccepted();

        JsonNode[] warning = new JsonNode[1];
        Flux.interval(Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .takeUntil(t -> (warning[0] = dishonest(project)) != null)
                .take(Duration.ofSeconds(30))
                .blockLast();
        assertThat(warning[0]).as("DISHONEST_PARTY warning of %s", project).isNotNull();
        assertThat(warning[0].get("severity").asText()).isEqualTo("RED");
        assertThat(warning[0].at("/evidence/partyCode").asText()).isEqualTo(DISHONEST);
        assertThat(warning[0].at("/evidence/creditRecords/0").asText()).contains("失信被执行人");
    }

    private JsonNode dishonest(String project) {
        JsonNode page = client.get()
                .uri("/api/v1/warnings?rule=DISHONEST_PARTY&tenderProjectCode=" + project)
                .headers(h -> h.setBearerAuth(Regulators.province(client)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return page.get("items").size() == 0 ? null : page.get("items").get(0);
    }

    @org.springframework.beans.factory.annotation.Value("${sgw.it.postgres-url:jdbc:postgresql://127.0.0.1:5432/test}")
    String jdbcUrl;

    @org.springframework.beans.factory.annotation.Value("${sgw.it.postgres-user:postgres}")
    String jdbcUser;

    private List<LoggedRequest> awaitRequests(String dataKey, int count) {
        Flux.interval(Duration.ofMillis(100))
                .takeUntil(t -> requests(dataKey).size() >= count)
                .take(Duration.ofSeconds(30))
                .blockLast();
        return requests(dataKey);
    }

    private List<LoggedRequest> requests(String dataKey) {
        return PROVINCE.findAll(postRequestedFor(urlEqualTo("/supervision/v1/records"))).stream()
                .filter(r -> r.getBodyAsString().contains(dataKey))
                .toList();
    }

    private JsonNode awaitDelivery(String id, String status) {
        JsonNode[] found = new JsonNode[1];
        Flux.interval(Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .takeUntil(t -> {
                    found[0] = delivery(id);
                    return found[0] != null && found[0].get("status").asText().equals(status);
                })
                .take(Duration.ofSeconds(30))
                .blockLast();
        assertThat(found[0]).as("delivery %s", id).isNotNull();
        assertThat(found[0].get("status").asText()).isEqualTo(status);
        return found[0];
    }

    /** The provincial platform's line of {@code GET /api/v1/admin/deliveries/backlog} (zeros if it has none). */
    private JsonNode backlog() {
        JsonNode answer = adminGet("/api/v1/admin/deliveries/backlog");
        for (JsonNode d : answer.get("destinations")) {
            if (d.get("destination").asText().equals("provincial")) {
                return d;
            }
        }
        // a destination with nothing waiting and nothing dead has no line
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("pending", 0, "dead", 0));
    }

    /** A GET of the administration API as sysadmin, expecting 200. */
    private JsonNode adminGet(String uri) {
        return client.get()
                .uri(uri)
                .headers(h -> h.setBearerAuth(TestPlatform.adminToken(client, "it-admin-password")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode delivery(String id) {
        JsonNode page = adminGet("/api/v1/admin/deliveries?destination=provincial&size=500");
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }
}

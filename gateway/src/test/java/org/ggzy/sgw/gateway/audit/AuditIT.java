package org.ggzy.sgw.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ggzy.sgw.gateway.support.AuditTrail;
import org.ggzy.sgw.gateway.support.Lifecycles;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Regulators;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The audit trail on PostgreSQL: an entry for each kind of change (in the change's request), no secrets in it, the
 * chain intact, and an entry edited behind the application's back found by {@code verify}.
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
class AuditIT {

    @Autowired
    WebTestClient client;

    @Autowired
    MutableClock clock;

    @Value("${sgw.it.postgres-url:jdbc:postgresql://127.0.0.1:5432/test}")
    String jdbcUrl;

    @Value("${sgw.it.postgres-user:postgres}")
    String jdbcUser;

    @LocalServerPort
    int port;

    AuditTrail audit;
    Lifecycles lifecycles;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        audit = new AuditTrail(client);
        lifecycles = new Lifecycles(client, clock);
    }

    /** Sends a request with a fresh request id, expecting {@code status}; returns the request id. */
    private String send(HttpMethod method, String uri, String token, Object body, int status) {
        String id = "audit-it-" + UUID.randomUUID();
        WebTestClient.RequestBodySpec spec = client.method(method)
                .uri(uri)
                .header("X-Request-Id", id)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        (body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange()
                .expectStatus()
                .isEqualTo(status);
        return id;
    }

    private JsonNode entry(String action, String requestId) {
        return audit.entry(action, requestId).orElseThrow(() -> new AssertionError("no " + action + " entry"));
    }

    @Test
    void shouldRecordLoginsWithTheNameTriedButNoPassword() {
        String ok = send(
                HttpMethod.POST,
                "/api/v1/auth/token",
                null,
                Map.of("username", "auditor", "password", AuditTrail.AUDITOR_PASSWORD),
                200);
        String wrong = send(
                HttpMethod.POST,
                "/api/v1/auth/token",
                null,
                Map.of("username", "sysadmin", "password", "guessed-password-1"),
                401);

        assertThat(entry("auth.login", ok).get("actor").asText()).isEqualTo("auditor");
        JsonNode failed = entry("auth.login-failed", wrong);
        assertThat(failed.get("target").asText()).isEqualTo("user:sysadmin");
        assertThat(failed.get("actor").asText()).isEqualTo("anonymous");
        assertThat(failed.toString()).doesNotContain("guessed-password-1");
    }

    @Test
    void shouldRecordPlatformChangesWithoutTheirSecrets() {
        String admin = TestPlatform.adminToken(client, Lifecycles.ADMIN_PASSWORD);
        TestPlatform platform = TestPlatform.register(client, Lifecycles.ADMIN_PASSWORD, "gcjs.tender-notice");
        String path = "/api/v1/admin/platforms/" + platform.code();
        String patch = send(HttpMethod.PATCH, path, admin, Map.of("name", "改名的交易系统"), 200);
        String rotate = send(HttpMethod.POST, path + "/rotate-secret", admin, null, 200);

        JsonNode created =
                audit.latest("platform.create", "platform:" + platform.code()).orElseThrow();
        assertThat(created.get("actor").asText()).isEqualTo("sysadmin");
        assertThat(created.toString()).doesNotContain(platform.secret());
        assertThat(entry("platform.update", patch).at("/after/name").asText()).isEqualTo("改名的交易系统");
        assertThat(entry("platform.rotate-secret", rotate).toString())
                .doesNotContain(platform.secret())
                .doesNotContain("secretCiphertext");
    }

    @Test
    void shouldRecordSilencesAndEveryActionOnAWarning() {
        Lifecycles.Replay replay = lifecycles.start("gcjs-tender-to-contract");
        replay.push(replay.scenario().without("gcjs.bid-opening").steps());
        replay.scan();
        String warning = replay.warnings().stream()
                .filter(w -> w.get("rule").asText().equals("STAGE_MISSING"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        String fuzhou = Regulators.token(
                client, Regulators.create(client, Regulators.SECADMIN_PASSWORD, "350100"), Regulators.PASSWORD);
        String base = "/api/v1/warnings/" + warning + "/";

        String ack = send(HttpMethod.POST, base + "acknowledge", fuzhou, Map.of("comment", "已电话核实"), 200);
        String assign = send(HttpMethod.POST, base + "assign", fuzhou, Map.of("assignee", "zhang.wei"), 200);
        String resolve = send(HttpMethod.POST, base + "resolve", fuzhou, Map.of("comment", "已补推"), 200);

        JsonNode acknowledged = entry("warning.acknowledge", ack);
        assertThat(acknowledged.get("target").asText()).isEqualTo("warning:" + warning);
        assertThat(acknowledged.at("/before/status").asText()).isEqualTo("OPEN");
        assertThat(acknowledged.at("/after/status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.at("/after/comment").asText()).isEqualTo("已电话核实");
        assertThat(entry("warning.assign", assign).at("/after/assignee").asText())
                .isEqualTo("zhang.wei");
        assertThat(entry("warning.resolve", resolve).at("/after/status").asText())
                .isEqualTo("RESOLVED");

        JsonNode silence = client.post()
                .uri("/api/v1/silences")
                .headers(h -> h.setBearerAuth(fuzhou))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "rule", "PUSH_LATE",
                        "regionCode", "350100",
                        "reason", "系统迁移",
                        "endsAt", clock.instant().plusSeconds(86_400).toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String silenceId = silence.get("id").asText();
        String expire = send(HttpMethod.DELETE, "/api/v1/silences/" + silenceId, fuzhou, null, 200);

        assertThat(audit.latest("silence.create", "silence:" + silenceId)).isPresent();
        assertThat(entry("silence.expire", expire).get("target").asText()).isEqualTo("silence:" + silenceId);
    }

    @Test
    void shouldRecordReplaysAndTheBootstrap() {
        String admin = TestPlatform.adminToken(client, Lifecycles.ADMIN_PASSWORD);
        String replay = send(
                HttpMethod.POST, "/api/v1/admin/deliveries/replay", admin, Map.of("ids", List.of("NO-SUCH-ID")), 200);

        assertThat(entry("delivery.replay", replay).at("/after/replayed").asInt())
                .isZero();
        assertThat(audit.entries("admin.bootstrap"))
                .extracting(e -> e.get("target").asText())
                .contains("user:sysadmin", "user:secadmin", "user:auditor");
    }

    @Test
    void shouldKeepTheChainLinearUnderConcurrentAppends() {
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        WebClient http = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, 24)
                .flatMap(
                        i -> http.post()
                                .uri("/api/v1/auth/token")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("username", name, "password", "wrong-password-" + i))
                                .exchangeToMono(r -> r.releaseBody()
                                        .thenReturn(r.statusCode().value())),
                        24)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(24).containsOnly(401);
        List<JsonNode> failed = audit.entries("auth.login-failed").stream()
                .filter(e -> e.get("target").asText().equals("user:" + name))
                .toList();
        assertThat(failed).hasSize(24);
        assertThat(failed.stream().map(e -> e.get("seq").asLong()).distinct()).hasSize(24);
        assertThat(audit.verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void shouldVerifyTheChainAndFindAnEditedEntry() throws SQLException {
        Regulators.create(client, Regulators.SECADMIN_PASSWORD, "440100");
        JsonNode before = audit.verify();
        assertThat(before.get("intact").asBoolean()).isTrue();
        assertThat(before.get("firstBrokenSeq").isNull()).isTrue();
        JsonNode newest = audit.entries("user.create").get(0);
        long seq = newest.get("seq").asLong();

        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            assertThatThrownBy(() -> actor(c, seq, "nobody")).hasMessageContaining("append-only");
            try (Statement s = c.createStatement()) {
                // as a superuser would: past the trigger that refuses changes
                s.execute("SET session_replication_role = replica");
            }
            actor(c, seq, "nobody");
            try {
                JsonNode after = audit.verify();
                assertThat(after.get("intact").asBoolean()).isFalse();
                assertThat(after.get("firstBrokenSeq").asLong()).isEqualTo(seq);
                assertThat(after.get("entries").asLong())
                        .isGreaterThanOrEqualTo(before.get("entries").asLong());
            } finally {
                actor(c, seq, newest.get("actor").asText());
            }
        }
        assertThat(audit.verify().get("intact").asBoolean()).isTrue();
    }

    private static void actor(Connection c, long seq, String actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_entries SET actor = ? WHERE seq = ?")) {
            s.setString(1, actor);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }
}

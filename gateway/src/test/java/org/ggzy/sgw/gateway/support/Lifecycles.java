package org.ggzy.sgw.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Replays scenarios against a gateway whose clock the test controls, and reads what regulators see. */
public record Lifecycles(WebTestClient client, MutableClock clock) {

    public Lifecycles {
        client = client.mutate()
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    public static final String ADMIN_PASSWORD = "it-admin-password";

    /** The regulator of Fujian the helpers read warnings as (one account for the whole test run, same database). */
    private static final AtomicReference<String> PROVINCE_REGULATOR = new AtomicReference<>();

    /** Registers a platform for the scenario at its first step's time, and loads it with that platform's code. */
    public Replay start(String scenario) {
        Scenario probe = Scenario.load(scenario, "X");
        clock.set(probe.steps().get(0).at());
        TestPlatform platform = TestPlatform.register(client, ADMIN_PASSWORD, probe.datasets());
        return new Replay(platform, Scenario.load(scenario, platform.code()));
    }

    /** A scenario being replayed by its platform. */
    public final class Replay {
        private final TestPlatform platform;
        private final Scenario scenario;

        public Replay(TestPlatform platform, Scenario scenario) {
            this.platform = platform;
            this.scenario = scenario;
        }

        public TestPlatform platform() {
            return platform;
        }

        public Scenario scenario() {
            return scenario;
        }

        /** Pushes every step at its own time, in the given order; returns the receipts. */
        public List<JsonNode> push(List<Scenario.Step> steps) {
            List<JsonNode> receipts = new ArrayList<>();
            for (Scenario.Step step : steps) {
                receipts.add(push(step));
            }
            return receipts;
        }

        public JsonNode push(Scenario.Step step) {
            clock.set(step.at());
            byte[] body = Records.bytes(step.record());
            JsonNode receipt = platform.signed(
                            "POST",
                            "/api/v1/push/" + step.dataset(),
                            body,
                            MediaType.APPLICATION_JSON,
                            SignatureMethod.HMAC_SHA256,
                            clock.millis(),
                            TestPlatform.nonce(),
                            platform.secret())
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(receipt.path("rejected").asInt())
                    .as("rejected in %s", receipt)
                    .isZero();
            return receipt;
        }

        /** Runs the deadline scanner at the scenario's scan time. */
        public JsonNode scan() {
            clock.set(scenario.scanAt());
            return Lifecycles.this.scan();
        }

        /** Every warning of the scenario's project (any status), as a regulator of the province sees them. */
        public List<JsonNode> warnings() {
            return Lifecycles.this.warnings(Map.of("tenderProjectCode", scenario.projectCode()), null);
        }

        /** The open (not resolved) warnings of the project as {@code RULE|section|dataset|SEVERITY} strings. */
        public List<String> open() {
            return warnings().stream()
                    .filter(w -> !w.get("status").asText().equals("RESOLVED"))
                    .map(Lifecycles::describe)
                    .sorted()
                    .toList();
        }
    }

    /** A token of this helper's regulator of Fujian (the account made once, a token each time: the clock moves). */
    public String provinceToken() {
        String username = PROVINCE_REGULATOR.updateAndGet(
                u -> u != null ? u : Regulators.create(client, Regulators.SECADMIN_PASSWORD, "350000"));
        return Regulators.token(client, username, Regulators.PASSWORD);
    }

    public JsonNode scan() {
        return client.post()
                .uri("/api/v1/admin/scan")
                .headers(h -> h.setBearerAuth(TestPlatform.adminToken(client, ADMIN_PASSWORD)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** Warnings by query parameters, with a token (a regulator of the province's when {@code null}). */
    public List<JsonNode> warnings(Map<String, String> query, String token) {
        String bearer = token == null ? provinceToken() : token;
        StringBuilder uri = new StringBuilder("/api/v1/warnings?size=500");
        query.forEach((k, v) -> uri.append('&').append(k).append('=').append(v));
        JsonNode page = client.get()
                .uri(uri.toString())
                .headers(h -> h.setBearerAuth(bearer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    public static String describe(JsonNode w) {
        return w.get("rule").asText() + "|" + w.path("bidSectionCode").asText("") + "|"
                + w.path("dataset").asText("") + "|" + w.get("severity").asText();
    }
}

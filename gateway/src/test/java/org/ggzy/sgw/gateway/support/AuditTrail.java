package org.ggzy.sgw.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The audit trail as the auditor reads it. */
public record AuditTrail(WebTestClient client) {

    public static final String AUDITOR_PASSWORD = "it-auditor-password";

    /** The newest entries of an action (at most 500), newest first. */
    public List<JsonNode> entries(String action) {
        JsonNode page = client.get()
                .uri("/api/v1/audit?size=500&action=" + action)
                .headers(h -> h.setBearerAuth(Regulators.token(client, "auditor", AUDITOR_PASSWORD)))
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

    /** The entry of an action written in the request with the given id. */
    public Optional<JsonNode> entry(String action, String requestId) {
        return entries(action).stream()
                .filter(e -> e.get("requestId").asText().equals(requestId))
                .findFirst();
    }

    /** The newest entry of an action about a target. */
    public Optional<JsonNode> latest(String action, String target) {
        return entries(action).stream()
                .filter(e -> e.get("target").asText().equals(target))
                .findFirst();
    }

    /** {@code GET /api/v1/audit/verify}. */
    public JsonNode verify() {
        return client.get()
                .uri("/api/v1/audit/verify")
                .headers(h -> h.setBearerAuth(Regulators.token(client, "auditor", AUDITOR_PASSWORD)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}

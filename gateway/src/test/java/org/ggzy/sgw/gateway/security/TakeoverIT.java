package org.ggzy.sgw.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ggzy.sgw.gateway.support.AuditTrail;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Regulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The security administrator's way to take the system over, step by step (issue 13): each step is now a {@code 403}
 * that leaves an audit entry, and changes nothing.
 */
@PostgresAndRedis
class TakeoverIT {

    static final String FORBIDDEN = "https://ggzy.org/problems/forbidden";

    @Autowired
    WebTestClient client;

    AuditTrail audit;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        audit = new AuditTrail(client);
    }

    private String asSecadmin(String method, String uri, Map<String, Object> body) {
        String requestId = "takeover-" + UUID.randomUUID();
        client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .headers(h -> h.setBearerAuth(Regulators.token(client, "secadmin", Regulators.SECADMIN_PASSWORD)))
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(FORBIDDEN);
        return requestId;
    }

    private JsonNode refusal(String action, String requestId) {
        JsonNode entry = audit.entry(action, requestId).orElseThrow(() -> new AssertionError("no " + action));
        assertThat(entry.get("actor").asText()).isEqualTo("secadmin");
        assertThat(entry.get("sourceAddress").asText()).isNotBlank();
        assertThat(entry.at("/after/reason").asText()).isNotBlank();
        return entry;
    }

    @Test
    void shouldRefuseChangingTheSystemAdministratorsPassword() {
        String id = asSecadmin("PATCH", "/api/v1/admin/users/sysadmin", Map.of("password", "taken-over-by-sec"));

        JsonNode entry = refusal("user.update-refused", id);
        assertThat(entry.get("target").asText()).isEqualTo("user:sysadmin");
        assertThat(entry.at("/after/requested/password").asText()).isEqualTo("changed");
        assertThat(entry.toString()).doesNotContain("taken-over-by-sec").doesNotContain("$2a$");
        client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "sysadmin", "password", "taken-over-by-sec"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void shouldRefuseCreatingASystemAdministrator() {
        String username = "root-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asSecadmin(
                "POST",
                "/api/v1/admin/users",
                Map.of("username", username, "password", "a-long-password", "roles", List.of("SYSADMIN")));

        assertThat(refusal("user.create-refused", id).get("target").asText()).isEqualTo("user:" + username);
        client.get()
                .uri("/api/v1/admin/users/" + username)
                .headers(h -> h.setBearerAuth(Regulators.token(client, "secadmin", Regulators.SECADMIN_PASSWORD)))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void shouldRefuseGivingItselfTheProvinceAsARegulator() {
        String id = asSecadmin(
                "PATCH",
                "/api/v1/admin/users/secadmin",
                Map.of("roles", List.of("REGULATOR"), "regionCodes", List.of("350000")));

        assertThat(refusal("user.update-refused", id).get("target").asText()).isEqualTo("user:secadmin");
        String secadmin = Regulators.token(client, "secadmin", Regulators.SECADMIN_PASSWORD);
        String read = "takeover-" + UUID.randomUUID();
        client.get()
                .uri("/api/v1/warnings")
                .headers(h -> h.setBearerAuth(secadmin))
                .header("X-Request-Id", read)
                .exchange()
                .expectStatus()
                .isForbidden();
        JsonNode denied = audit.entry("access.denied", read).orElseThrow();
        assertThat(denied.get("actor").asText()).isEqualTo("secadmin");
        assertThat(denied.get("target").asText()).isEqualTo("GET /api/v1/warnings");
    }

    @Test
    void shouldRefuseDisablingTheAuditor() {
        String id = asSecadmin("PATCH", "/api/v1/admin/users/auditor", Map.of("enabled", false));

        assertThat(refusal("user.update-refused", id).get("target").asText()).isEqualTo("user:auditor");
        Regulators.token(client, "auditor", AuditTrail.AUDITOR_PASSWORD);
    }

    @Test
    void shouldStillManageOrdinaryAccounts() {
        String username = Regulators.create(client, Regulators.SECADMIN_PASSWORD, "350100");
        String id = "manage-" + UUID.randomUUID();

        client.patch()
                .uri("/api/v1/admin/users/" + username)
                .headers(h -> h.setBearerAuth(Regulators.token(client, "secadmin", Regulators.SECADMIN_PASSWORD)))
                .header("X-Request-Id", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "another-password-1", "regionCodes", List.of("350200")))
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode entry = audit.entry("user.update", id).orElseThrow();
        assertThat(entry.at("/before/regionCodes/0").asText()).isEqualTo("350100");
        assertThat(entry.at("/after/regionCodes/0").asText()).isEqualTo("350200");
        assertThat(entry.at("/after/password").asText()).isEqualTo("changed");
        assertThat(entry.at("/before/password").isMissingNode()).isTrue();
        assertThat(entry.toString()).doesNotContain("another-password-1").doesNotContain("$2a$");
        assertThat(audit.latest("user.create", "user:" + username)).isPresent();
    }
}

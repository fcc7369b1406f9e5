package org.ggzy.sgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ggzy.sgw.gateway.support.EmbeddedDefault;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.Regulators;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default, as {@code java -jar} runs it with no configuration: H2 in a file, in-process nonces and rate
 * limits, a generated master key. Only the data directory is moved to a temporary one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sgw.security.admin-password=smoke-admin-password",
            "sgw.security.secadmin-password=smoke-secadmin-password"
        })
@AutoConfigureObservability
class EmbeddedDefaultSmokeTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        EmbeddedDefault.in(data, registry);
    }

    @Autowired
    WebTestClient client;

    @Test
    void shouldRegisterAPlatformAndAcceptASignedPush() {
        TestPlatform platform = TestPlatform.register(client, "smoke-admin-password", "gcjs.tender-notice");
        JsonNode receipt = platform.push("gcjs.tender-notice", Records.bytes(Records.tenderNotice(platform.code())))
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);

        platform.push("gcjs.tender-notice", "{".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expectStatus()
                .isBadRequest();
        assertThat(Files.exists(data.resolve("master.key"))).isTrue();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(TestPlatform.adminToken(client, "smoke-admin-password")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("sgw_push_records_total{application=\"sgw-gateway\",dataset=\"gcjs.tender-notice\","
                                + "platform=\"" + platform.code() + "\",status=\"ACCEPTED\"} 1.0")
                        .contains("sgw_push_duration_seconds_bucket"));
    }

    @Test
    void shouldRunTheSupervisionSideOnTheEmbeddedDatabase() {
        TestPlatform platform = TestPlatform.register(client, "smoke-admin-password", "gcjs.tender-notice");
        var notice = Records.tenderNotice(platform.code());
        platform.push("gcjs.tender-notice", Records.bytes(notice))
                .expectStatus()
                .isAccepted();
        String token = TestPlatform.adminToken(client, "smoke-admin-password");

        client.post()
                .uri("/api/v1/admin/scan")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.raised")
                .isNumber();
        String regulator = Regulators.token(
                client, Regulators.create(client, "smoke-secadmin-password", "350000"), Regulators.PASSWORD);
        client.get()
                .uri("/api/v1/projects/" + notice.get("TENDER_PROJECT_CODE").asText())
                .headers(h -> h.setBearerAuth(regulator))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sections[0].records[0].dataset")
                .isEqualTo("gcjs.tender-notice")
                .jsonPath("$.sections[0].expectations[*].dataset")
                .value(datasets -> assertThat(datasets.toString()).contains("gcjs.bid-opening", "gcjs.bidder"));
        client.get()
                .uri("/api/v1/warnings?tenderProjectCode="
                        + notice.get("TENDER_PROJECT_CODE").asText())
                .headers(h -> h.setBearerAuth(regulator))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].rule")
                .value(rules -> assertThat(rules.toString()).contains("PUSH_LATE"));
    }

    @Test
    void shouldEndTheSessionOnLogoutAndThrottleLoginsInProcess() {
        String token = TestPlatform.adminToken(client, "smoke-admin-password");
        client.get()
                .uri("/api/v1/admin/platforms")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/api/v1/auth/logout")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isNoContent();
        client.get()
                .uri("/api/v1/admin/platforms")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        for (int i = 0; i < 5; i++) {
            login("nobody-0", "Wrong-Password-1").expectStatus().isUnauthorized();
        }
        login("nobody-0", "Wrong-Password-1").expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return client.post()
                .uri("/api/v1/auth/token")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("username", username, "password", password))
                .exchange();
    }
}

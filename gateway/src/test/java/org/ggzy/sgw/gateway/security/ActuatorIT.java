package org.ggzy.sgw.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The actuator on a separate management port: there Prometheus scrapes without a token (the port is the operators',
 * bound to an internal interface); the application's port does not serve the metrics to anyone without a token.
 */
@PostgresAndRedis
@TestPropertySource(properties = "management.server.port=0")
class ActuatorIT {

    @Autowired
    WebTestClient client;

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldServeMetricsOnTheManagementPortOnly() {
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();

        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(TestPlatform.adminToken(client, "it-admin-password")))
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}

package org.ggzy.sgw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.ggzy.sgw.gateway.support.EmbeddedDefault;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The same on the embedded default: another session of the same H2 database holds the lock of a record head the push
 * must move; the push answers {@code 503 storage-unavailable} after the lock timeout, readiness goes DOWN and comes
 * back, and the push succeeds once the lock is gone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sgw.security.admin-password=" + EmbeddedStorageFailureIT.ADMIN,
            "sgw.storage.lock-timeout=1s",
            "sgw.storage.probe-timeout=1s",
            "sgw.storage.failure-window=2s",
            "sgw.scanner.enabled=false"
        })
class EmbeddedStorageFailureIT {

    static final String ADMIN = "Embedded-Admin-Pass-2026!";

    @TempDir
    static Path data;

    static String file;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        file = data.resolve("sgw").toString();
        EmbeddedDefault.in(data, registry);
    }

    @Autowired
    WebTestClient client;

    @Test
    void shouldAnswer503WhileAnotherSessionHoldsTheRecordsLockThenRecover() throws Exception {
        WebTestClient web =
                client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        TestPlatform platform = TestPlatform.register(web, ADMIN, "gcjs.tender-notice");
        ObjectNode record = Records.tenderNotice(platform.code());
        platform.push("gcjs.tender-notice", Records.bytes(record))
                .expectStatus()
                .isAccepted();
        record.put("DATA_TIMESTAMP", "20261121093000");

        try (Connection locker = DriverManager.getConnection(
                "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            locker.setAutoCommit(false);
            try (PreparedStatement s = locker.prepareStatement(
                    "SELECT version FROM record_heads WHERE platform_code = ? AND data_key = ? FOR UPDATE")) {
                s.setString(1, platform.code());
                s.setString(2, record.get("DATA_KEY").asText());
                assertThat(s.executeQuery().next()).isTrue();
            }
            JsonNode problem = StorageChecks.unavailable(platform, record);
            assertThat(problem.get("type").asText()).endsWith("/storage-unavailable");
            web.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
            locker.rollback();
        }
        StorageChecks.awaitReady(web);
        platform.push("gcjs.tender-notice", Records.bytes(record))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.records[0].version")
                .isEqualTo(2);
    }
}

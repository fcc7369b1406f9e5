package org.ggzy.sgw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the storage failure tests check the same way on both databases. */
final class StorageChecks {

    private StorageChecks() {}

    /** Pushes the record and expects {@code 503} with {@code Retry-After}; the problem. */
    static JsonNode unavailable(TestPlatform platform, ObjectNode record) {
        return platform.push("gcjs.tender-notice", Records.bytes(record))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists("Retry-After")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** Polls readiness until it is UP again (at most 30 s). */
    static void awaitReady(WebTestClient web) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpStatus status;
        do {
            status = HttpStatus.valueOf(web.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        } while (status != HttpStatus.OK && Instant.now().isBefore(deadline));
        assertThat(status).as("readiness back by itself").isEqualTo(HttpStatus.OK);
    }
}

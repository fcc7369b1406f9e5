package org.ggzy.sgw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.RequiresServices;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A paused database on PostgreSQL: {@code record_heads} locked by another session (as a long migration or a stuck
 * administrator would). Pushes end in {@code 503 storage-unavailable} with {@code Retry-After} instead of hanging,
 * readiness goes DOWN, and both come back by themselves when the lock is gone.
 */
@PostgresAndRedis
@TestPropertySource(
        properties = {"sgw.storage.lock-timeout=1s", "sgw.storage.probe-timeout=1s", "sgw.storage.failure-window=2s"})
class StorageFailureIT {

    static final String NOTICE = "gcjs.tender-notice";

    @Autowired
    WebTestClient client;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Test
    void shouldSetTheLockTimeoutOnEveryConnection() {
        assertThat(db.sql("SHOW lock_timeout")
                        .map(r -> r.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("1s");
        assertThat(db.sql("SHOW statement_timeout")
                        .map(r -> r.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("15s");
    }

    @Test
    void shouldAnswer503AndGoUnreadyWhileTheDatabaseHoldsALockThenRecover() throws Exception {
        WebTestClient web =
                client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        TestPlatform platform = TestPlatform.register(web, "it-admin-password", NOTICE);
        platform.push(NOTICE, Records.bytes(Records.tenderNotice(platform.code())))
                .expectStatus()
                .isAccepted();

        try (Connection locker =
                DriverManager.getConnection(RequiresServices.POSTGRES_URL, RequiresServices.POSTGRES_USER, "")) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE record_heads IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            JsonNode problem = StorageChecks.unavailable(platform, Records.tenderNotice(platform.code()));
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(problem.get("type").asText()).endsWith("/storage-unavailable");
            assertThat(took)
                    .as("answered after the lock timeout, not the client's")
                    .isLessThan(20_000);
            web.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
            locker.rollback();
        }
        StorageChecks.awaitReady(web);
        platform.push(NOTICE, Records.bytes(Records.tenderNotice(platform.code())))
                .expectStatus()
                .isAccepted();
    }
}

package org.ggzy.sgw.gateway.edge;

import java.time.Duration;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With Redis unreachable, replay protection fails closed: nothing is accepted that could be a replay. */
@PostgresAndRedis
@TestPropertySource(properties = {"spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.timeout=300ms"})
class RedisFailureIT {

    @Autowired
    WebTestClient client;

    @Test
    void shouldRefusePushesWhenTheNonceStoreCannotAnswer() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        TestPlatform platform = TestPlatform.register(client, "it-admin-password", "gcjs.tender-notice");
        platform.push("gcjs.tender-notice", Records.bytes(Records.tenderNotice(platform.code())))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ggzy.org/problems/nonce-store-unavailable");
    }
}

package org.ggzy.sgw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The per-platform token bucket in Redis: a burst of 3, then 429 with Retry-After; other platforms unaffected. */
@PostgresAndRedis
@TestPropertySource(
        properties = {
            // a list is bound from one property source only: the whole route, with a small bucket
            "spring.cloud.gateway.server.webflux.routes[0].id=platform-push",
            "spring.cloud.gateway.server.webflux.routes[0].uri=forward:/",
            "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/api/v1/push/**",
            "spring.cloud.gateway.server.webflux.routes[0].filters[0]=BodyLimit=10MB",
            "spring.cloud.gateway.server.webflux.routes[0].filters[1]=PlatformSignature",
            "spring.cloud.gateway.server.webflux.routes[0].filters[2]=PlatformRateLimit=1,3",
            "spring.cloud.gateway.server.webflux.routes[0].filters[3]=ForwardInternal=/internal"
        })
class RateLimitIT {

    @Autowired
    WebTestClient client;

    @Test
    void shouldLimitEachPlatformSeparately() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        TestPlatform busy = TestPlatform.register(client, "it-admin-password", "gcjs.tender-notice");
        TestPlatform quiet = TestPlatform.register(client, "it-admin-password", "gcjs.tender-notice");
        for (int i = 0; i < 3; i++) {
            busy.push("gcjs.tender-notice", Records.bytes(Records.tenderNotice(busy.code())))
                    .expectStatus()
                    .isAccepted();
        }
        String retryAfter = busy.push("gcjs.tender-notice", Records.bytes(Records.tenderNotice(busy.code())))
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ggzy.org/problems/rate-limited")
                .returnResult()
                .getResponseHeaders()
                .getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
        quiet.push("gcjs.tender-notice", Records.bytes(Records.tenderNotice(quiet.code())))
                .expectStatus()
                .isAccepted();
    }
}

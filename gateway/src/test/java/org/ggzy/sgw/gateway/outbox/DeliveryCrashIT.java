package org.ggzy.sgw.gateway.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ggzy.sgw.gateway.push.CrashDurabilityIT;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.RequiresServices;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Kills a gateway process with SIGKILL in the middle of a delivery burst, starts another on the same database, and
 * checks that every accepted record reaches the (slow) provincial platform, that nothing is left pending, and that a
 * record delivered twice (its first attempt cut off by the kill) carried the same idempotency key both times.
 */
@ExtendWith(RequiresServices.class)
class DeliveryCrashIT {

    static final String NOTICE = "gcjs.tender-notice";
    static final int RECORDS = 40;

    @Test
    void shouldDeliverEveryAcceptedRecordWhenTheGatewayIsKilledMidDelivery() throws Exception {
        WireMockServer province = new WireMockServer(options().dynamicPort());
        province.start();
        province.stubFor(post(urlEqualTo("/supervision/v1/records"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(300)));
        int port = CrashDurabilityIT.freePort();
        Path log = Files.createTempFile("sgw-delivery-crash", ".log");
        String[] delivery = {
            "--sgw.adapters.provincial.enabled=true",
            "--sgw.adapters.provincial.base-url=http://localhost:" + province.port(),
            "--sgw.delivery.routes[0].destination=provincial",
            "--sgw.delivery.routes[0].kinds[0]=RECORD",
            "--sgw.delivery.relay-interval=200ms",
            "--sgw.delivery.concurrency=2",
            "--sgw.delivery.lease=5s"
        };
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        Process first = CrashDurabilityIT.start(port, log, delivery);
        Process second = null;
        try {
            CrashDurabilityIT.awaitReady(client, first, log);
            TestPlatform platform = TestPlatform.register(client, "it-admin-password", NOTICE);
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < RECORDS; i++) {
                var notice = Records.tenderNotice(platform.code());
                keys.add(notice.get("DATA_KEY").asText());
                platform.push(NOTICE, Records.bytes(notice)).expectStatus().isAccepted();
            }
            await(() -> received(province, keys).size() >= 4, Duration.ofSeconds(30));
            first.destroyForcibly();
            first.waitFor();
            int beforeKill = received(province, keys).size();

            second = CrashDurabilityIT.start(port, log, delivery);
            CrashDurabilityIT.awaitReady(client, second, log);
            await(() -> distinctKeys(province, keys).size() == RECORDS, Duration.ofSeconds(90));

            assertThat(beforeKill).as("deliveries before the kill").isLessThan(RECORDS);
            assertThat(distinctKeys(province, keys)).isEqualTo(keys);
            Map<String, Set<String>> idempotencyKeys = new HashMap<>();
            for (LoggedRequest r : received(province, keys)) {
                idempotencyKeys
                        .computeIfAbsent(dataKey(r, keys), k -> new HashSet<>())
                        .add(r.getHeader("Idempotency-Key"));
            }
            assertThat(idempotencyKeys.values())
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            await(() -> pending(platform.code()) == 0, Duration.ofSeconds(30));
            assertThat(pending(platform.code())).isZero();
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroy();
                second.waitFor();
            }
            province.stop();
        }
    }

    private static List<LoggedRequest> received(WireMockServer province, Set<String> keys) {
        List<LoggedRequest> mine = new ArrayList<>();
        for (LoggedRequest r : province.findAll(postRequestedFor(urlEqualTo("/supervision/v1/records")))) {
            if (dataKey(r, keys) != null) {
                mine.add(r);
            }
        }
        return mine;
    }

    private static Set<String> distinctKeys(WireMockServer province, Set<String> keys) {
        Set<String> seen = new HashSet<>();
        received(province, keys).forEach(r -> seen.add(dataKey(r, keys)));
        return seen;
    }

    private static String dataKey(LoggedRequest r, Set<String> keys) {
        String body = r.getBodyAsString();
        return keys.stream().filter(body::contains).findFirst().orElse(null);
    }

    private static int pending(String platform) throws Exception {
        try (var c = DriverManager.getConnection(RequiresServices.POSTGRES_URL, RequiresServices.POSTGRES_USER, "");
                var s = c.prepareStatement(
                        "SELECT COUNT(*) FROM outbox WHERE platform_code = ? AND status <> 'DELIVERED'")) {
            s.setString(1, platform);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition, Duration timeout) {
        Flux.interval(Duration.ofMillis(200))
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .takeUntil(t -> {
                    try {
                        return condition.call();
                    } catch (Exception e) {
                        return false;
                    }
                })
                .take(timeout)
                .blockLast();
    }
}

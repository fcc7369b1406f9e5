package org.ggzy.sgw.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ggzy.sgw.gateway.support.EmbeddedDefault;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records with megabyte-long strings pushed into a gateway with a small heap (256 MB) until three times the heap has
 * been sent, all of them into one section (so every push reads the others back for the rules): every answer is
 * {@code 202} or {@code 503} with {@code Retry-After}, none hangs, and afterwards the gateway answers a small push and
 * its readiness is UP. The embedded default, where an out-of-memory error would also break the database.
 */
class EmbeddedMemoryIT {

    static final String ADMIN = "Embedded-Admin-Pass-2026!";
    static final String NOTICE = "gcjs.tender-notice";
    static final long HEAP = 256L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void shouldKeepAnsweringWhenFarMoreThanTheHeapIsPushed() throws Exception {
        int port = CrashDurabilityIT.freePort();
        Path log = Files.createTempFile("sgw-memory", ".log");
        Process gateway = EmbeddedDefault.start(directory, port, log, (HEAP >> 20) + "m", ADMIN);
        try {
            String base = "http://localhost:" + port;
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl(base)
                    .responseTimeout(Duration.ofSeconds(60))
                    .build();
            CrashDurabilityIT.awaitReady(client, gateway, log);
            TestPlatform platform = TestPlatform.register(client, ADMIN, NOTICE);
            ObjectNode first = Records.tenderNotice(platform.code());
            String text = "招标公告正文".repeat(1_000_000 / 6);
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            AtomicLong sent = new AtomicLong();
            WebClient web = WebClient.builder().baseUrl(base).build();
            Flux.range(0, 10_000)
                    .takeWhile(i -> sent.get() < 3 * HEAP)
                    .flatMap(
                            i -> {
                                ObjectNode record = first.deepCopy();
                                record.put("DATA_KEY", first.get("DATA_KEY").asText() + "-" + i);
                                record.put("NOTICE_CONTENT", text);
                                byte[] body = Records.bytes(record);
                                sent.addAndGet(body.length);
                                return send(web, platform, body)
                                        .doOnNext(status -> statuses.computeIfAbsent(status, s -> new AtomicLong())
                                                .incrementAndGet());
                            },
                            8)
                    .blockLast(Duration.ofMinutes(10));
            System.out.printf(
                    "memory: %d MB sent to a %d MB heap, answers %s%n", sent.get() >> 20, HEAP >> 20, statuses);

            assertThat(statuses.keySet()).as("answers").isSubsetOf(202, 503);
            assertThat(statuses.get(202)).as("accepted").isNotNull();
            assertThat(gateway.isAlive()).isTrue();
            client.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            platform.push(NOTICE, Records.bytes(Records.tenderNotice(platform.code())))
                    .expectStatus()
                    .isAccepted();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    /** Sends a push; its status, or 599 when it does not answer within 60 s (a hang). */
    private static Mono<Integer> send(WebClient web, TestPlatform platform, byte[] body) {
        String path = "/api/v1/push/" + NOTICE;
        return web.post()
                .uri(path)
                .headers(h -> h.addAll(platform.signatureHeaders(
                        "POST",
                        path,
                        body,
                        org.ggzy.sgw.gateway.edge.SignatureMethod.HMAC_SHA256,
                        System.currentTimeMillis(),
                        TestPlatform.nonce(),
                        platform.secret())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .timeout(Duration.ofSeconds(60), Mono.just(599));
    }
}

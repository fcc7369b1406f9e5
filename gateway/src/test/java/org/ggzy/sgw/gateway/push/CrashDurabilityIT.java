package org.ggzy.sgw.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ggzy.sgw.gateway.GatewayApplication;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.RequiresServices;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Kills a gateway process with SIGKILL in the middle of a sustained push load, starts a new one on the same
 * database, and checks that every record that got a {@code 202} is there.
 */
@ExtendWith(RequiresServices.class)
public class CrashDurabilityIT {

    static final String NOTICE = "gcjs.tender-notice";

    @Test
    void shouldLoseNoAcceptedRecordWhenKilled() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("sgw-crash", ".log");
        killAndCheck(port, log, () -> start(port, log), "it-admin-password");
    }

    /** Starts a gateway process (the same database each time). */
    public interface Launcher {
        Process start() throws IOException;
    }

    /**
     * Starts a gateway, pushes with 16 clients until 50 pushes are acknowledged, kills it with SIGKILL, starts it again
     * and checks that every acknowledged record is there with the receipt it was acknowledged with.
     */
    public static void killAndCheck(int port, Path log, Launcher launcher, String adminPassword) throws Exception {
        Process first = launcher.start();
        String base = "http://localhost:" + port;
        WebTestClient admin = WebTestClient.bindToServer()
                .baseUrl(base)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        awaitReady(admin, first, log);
        TestPlatform platform = TestPlatform.register(admin, adminPassword, NOTICE);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        // killed once 50 pushes are acknowledged (or after 30 s), whatever the speed of the machine; no new push is
        // sent after that, and the 16 in flight are cut off
        Runnable kill = () -> {
            if (killed.compareAndSet(false, true)) {
                Schedulers.boundedElastic().schedule(first::destroyForcibly);
            }
        };
        WebClient web = WebClient.create(base);
        Flux.range(0, 100_000)
                .takeWhile(i -> !killed.get())
                .flatMap(
                        i -> {
                            byte[] body = Records.bytes(Records.tenderNotice(platform.code()));
                            return platform.pushWith(web, NOTICE, body)
                                    .doOnNext(r -> {
                                        acknowledged.put(
                                                r.at("/records/0/dataKey").asText(),
                                                r.get("receiptId").asText());
                                        if (acknowledged.size() >= 50) {
                                            kill.run();
                                        }
                                    })
                                    .onErrorResume(e -> {
                                        refused.incrementAndGet();
                                        return Mono.empty();
                                    });
                        },
                        16)
                .doOnSubscribe(s -> Mono.delay(Duration.ofSeconds(30)).subscribe(t -> kill.run()))
                .blockLast(Duration.ofSeconds(90));
        first.waitFor();
        assertThat(acknowledged).as("pushes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(50);
        assertThat(refused.get()).as("pushes cut off by the kill").isPositive();

        Process second = launcher.start();
        try {
            awaitReady(admin, second, log);
            List<String> lost = new java.util.ArrayList<>();
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                String versions = platform.get("/api/v1/push/records?dataset=" + NOTICE + "&dataKey=" + e.getKey())
                        .returnResult(String.class)
                        .getResponseBody()
                        .blockFirst(Duration.ofSeconds(30));
                if (versions == null || !versions.contains(e.getValue())) {
                    lost.add(e.getKey());
                }
            }
            System.out.printf(
                    "crash durability: %d acknowledged, %d cut off by the kill, %d missing after the restart%n",
                    acknowledged.size(), refused.get(), lost.size());
            assertThat(lost)
                    .as("acknowledged records missing after the restart, of %d", acknowledged.size())
                    .isEmpty();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    public static Process start(int port, Path log, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                GatewayApplication.class.getName(),
                "--spring.profiles.active=postgres,it",
                "--server.port=" + port,
                "--sgw.it.postgres-url=" + RequiresServices.POSTGRES_URL,
                "--sgw.it.postgres-user=" + RequiresServices.POSTGRES_USER,
                "--sgw.it.r2dbc-url=r2dbc:" + RequiresServices.POSTGRES_URL.substring("jdbc:".length()),
                "--sgw.it.redis-url=" + RequiresServices.REDIS_URL));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File(System.getProperty("java.io.tmpdir")))
                .start();
    }

    public static void awaitReady(WebTestClient client, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited; log: " + Files.readString(log));
            }
            try {
                client.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk();
                return;
            } catch (AssertionError | IllegalStateException | WebClientResponseException e) {
                // not up yet
            } catch (RuntimeException e) {
                // connection refused while starting
            }
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("gateway not ready in 90 s; log: " + Files.readString(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

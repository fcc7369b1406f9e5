package org.ggzy.sgw.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.ggzy.sgw.gateway.GatewayApplication;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Sessions end on every node within seconds: a token accepted by node B is refused by node B once node A disabled
 * its user, changed their password or scope, or the user logged out (a token version in PostgreSQL, the change
 * announced through Redis; node B caches versions for ten minutes here, so only the announcement can do it).
 */
@PostgresAndRedis
class SessionIT {

    static final String PASSWORD = "Regulator-Pass-2026";
    static final Duration REVOCATION = Duration.ofSeconds(5);

    @Autowired
    WebTestClient one;

    @Autowired
    ReactiveStringRedisTemplate redis;

    static ConfigurableApplicationContext nodeTwo;
    static WebTestClient two;
    static int portTwo;

    /** One second node for the class (starting a gateway takes a while). */
    @BeforeAll
    static void startSecondNode() {
        nodeTwo = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("postgres", "it")
                // node B would trust a version it read for ten minutes: only the change announced through Redis
                // can make it refuse a token within seconds
                .properties("server.port=0", "sgw.scanner.enabled=false", "sgw.security.session.version-cache-ttl=10m")
                .run();
        portTwo = ((WebServerApplicationContext) nodeTwo).getWebServer().getPort();
        two = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + portTwo)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stopSecondNode() {
        nodeTwo.close();
    }

    @BeforeEach
    void patientClient() {
        one = one.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The failed logins these tests make on purpose must not throttle this machine for the tests after them. */
    @AfterEach
    void forgetThisMachinesFailures() {
        redis.delete(
                        RedisLoginThrottle.PREFIX + LoginThrottle.addressKey("127.0.0.1"),
                        RedisLoginThrottle.PREFIX + LoginThrottle.addressKey("0:0:0:0:0:0:0:1"))
                .block();
    }

    @Test
    void shouldRefuseTheTokenOnTheOtherNodeOnceTheUserIsDisabled() {
        String user = regulator();
        String token = token(two, user, PASSWORD);
        expectAccepted(two, token);

        patch(user, Map.of("enabled", false));

        expectRefusedWithin(two, token);
        one.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", PASSWORD))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void shouldRefuseTheTokenOnTheOtherNodeOnceThePasswordChanged() {
        String user = regulator();
        String token = token(two, user, PASSWORD);
        expectAccepted(two, token);

        patch(user, Map.of("password", "Another-Pass-2027"));

        expectRefusedWithin(two, token);
        expectAccepted(two, token(two, user, "Another-Pass-2027"));
    }

    @Test
    void shouldRefuseTheTokenOnTheOtherNodeOnceTheScopeChanged() {
        String user = regulator();
        String token = token(two, user, PASSWORD);
        expectAccepted(two, token);

        patch(user, Map.of("regionCodes", List.of("350200")));

        expectRefusedWithin(two, token);
        JsonNode fresh = claims(token(two, user, PASSWORD));
        assertThat(fresh.get("regions").get(0).asText()).isEqualTo("350200");
    }

    @Test
    void shouldEndAnOpenWarningStreamOnTheOtherNodeOnceTheUserIsDisabled() {
        String user = regulator();
        String token = token(two, user, PASSWORD);
        AtomicReference<HttpStatusCode> status = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable stream = WebClient.create("http://localhost:" + portTwo)
                .get()
                .uri("/api/v1/warnings/stream")
                .headers(h -> h.setBearerAuth(token))
                .exchangeToFlux(response -> {
                    status.set(response.statusCode());
                    return response.bodyToFlux(String.class);
                })
                .doFinally(signal -> ended.set(true))
                .subscribe(event -> {}, error -> {});
        try {
            // give the stream time to open (it answers at once, with a comment)
            Flux.interval(Duration.ofMillis(100)).take(Duration.ofSeconds(1)).blockLast();
            assertThat(ended).isFalse();

            patch(user, Map.of("enabled", false));

            await().atMost(REVOCATION).untilTrue(ended);
            // 200: the stream was open and then ended (a stream refused at its start would be a 401)
            assertThat(status.get().value()).isEqualTo(200);
        } finally {
            stream.dispose();
        }
    }

    @Test
    void shouldKeepTheTokenWhenNothingThatMattersChanged() {
        String user = regulator();
        String token = token(two, user, PASSWORD);

        patch(user, Map.of("regionCodes", List.of("350100")));

        expectAccepted(two, token);
    }

    @Test
    void shouldEndEverySessionOfTheUserOnLogout() {
        String user = regulator();
        String onTwo = token(two, user, PASSWORD);
        String onOne = token(one, user, PASSWORD);
        expectAccepted(two, onTwo);

        one.post()
                .uri("/api/v1/auth/logout")
                .headers(h -> h.setBearerAuth(onOne))
                .exchange()
                .expectStatus()
                .isNoContent();

        expectRefusedWithin(two, onTwo);
        expectRefusedWithin(one, onOne);
        expectAccepted(two, token(two, user, PASSWORD));
    }

    @Test
    void shouldChangeOnesOwnPasswordWithTheCurrentOne() {
        String user = regulator();
        String token = token(one, user, PASSWORD);
        changePassword(token, "wrong-current-password-1", "Brand-New-Pass-1")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ggzy.org/problems/invalid-credentials");
        changePassword(token, PASSWORD, "short")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);

        changePassword(token, PASSWORD, "Brand-New-Pass-1").expectStatus().isNoContent();

        expectRefusedWithin(two, token);
        expectAccepted(two, token(two, user, "Brand-New-Pass-1"));
    }

    private WebTestClient.ResponseSpec changePassword(String token, String current, String next) {
        return one.post()
                .uri("/api/v1/auth/password")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange();
    }

    private static void expectAccepted(WebTestClient node, String token) {
        node.get()
                .uri("/api/v1/warnings")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** Polls the node until it refuses the token; fails when that takes longer than the revocation bound. */
    private static void expectRefusedWithin(WebTestClient node, String token) {
        await().atMost(REVOCATION)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> node.get()
                                .uri("/api/v1/warnings")
                                .headers(h -> h.setBearerAuth(token))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 401);
    }

    private void patch(String user, Map<String, Object> change) {
        one.patch()
                .uri("/api/v1/admin/users/" + user)
                .headers(h -> h.setBearerAuth(token(one, "secadmin", "it-secadmin-password")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private String regulator() {
        String username = "sess-" + UUID.randomUUID().toString().substring(0, 8);
        one.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(token(one, "secadmin", "it-secadmin-password")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("REGULATOR"),
                        "regionCodes",
                        List.of("350100")))
                .exchange()
                .expectStatus()
                .isCreated();
        return username;
    }

    static String token(WebTestClient node, String username, String password) {
        return TestPlatform.token(node, username, password);
    }

    /** The claims of a token (its middle part), as the gateway issued them. */
    static JsonNode claims(String token) {
        try {
            byte[] json = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

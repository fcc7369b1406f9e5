package org.ggzy.sgw.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ggzy.sgw.gateway.support.MutableClock;
import org.ggzy.sgw.gateway.support.MutableClockConfig;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Login throttling in Redis (per account, per source address; even the right password waits for the window) and
 * the maximum password age, with the gateway's clock moved by the test.
 */
@PostgresAndRedis
@Import(MutableClockConfig.class)
@TestPropertySource(
        properties = {"sgw.security.login.max-address-failures=8", "sgw.security.login.max-account-failures=5"})
class LoginIT {

    static final String PASSWORD = "Regulator-Pass-2026";
    static final String PROBLEMS = "https://ggzy.org/problems/";

    @Autowired
    WebTestClient client;

    @Autowired
    MutableClock clock;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @BeforeEach
    @AfterEach
    void forgetThisMachinesFailures() {
        clock.set(Instant.now());
        redis.delete(
                        RedisLoginThrottle.PREFIX + LoginThrottle.addressKey("127.0.0.1"),
                        RedisLoginThrottle.PREFIX + LoginThrottle.addressKey("0:0:0:0:0:0:0:1"))
                .block();
    }

    @Test
    void shouldRefuseEvenTheRightPasswordAfterTooManyFailuresUntilTheWindowPasses() {
        String user = regulator();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(login(user, "Wrong-Password-" + i)
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 30)).containsOnly(429);

        login(user, PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 900L))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "login-throttled");

        clock.set(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
        login(user, PASSWORD).expectStatus().isOk();
    }

    @Test
    void shouldForgetAnAccountsFailuresAfterASuccess() {
        // 3 + 3 failures: over the account's 5 if the success between them did not reset the count
        String user = regulator();
        for (int i = 0; i < 3; i++) {
            login(user, "Wrong-Password-" + i).expectStatus().isUnauthorized();
        }
        login(user, PASSWORD).expectStatus().isOk();
        for (int i = 0; i < 3; i++) {
            login(user, "Wrong-Password-" + i).expectStatus().isUnauthorized();
        }
        login(user, PASSWORD).expectStatus().isOk();
    }

    @Test
    void shouldThrottleAnAddressAfterFailuresOfSeveralAccounts() {
        String a = regulator();
        String b = regulator();
        String c = regulator();
        for (int i = 0; i < 4; i++) {
            login(a, "Wrong-Password-" + i).expectStatus().isUnauthorized();
            login(b, "Wrong-Password-" + i).expectStatus().isUnauthorized();
        }

        login(c, PASSWORD).expectStatus().isEqualTo(429);
        clock.set(clock.instant().plus(Duration.ofMinutes(16)));
        login(c, PASSWORD).expectStatus().isOk();
    }

    @Test
    void shouldLetAnExpiredPasswordOnlyBeChanged() {
        String user = regulator();
        clock.set(clock.instant().plus(Duration.ofDays(91)));

        JsonNode answer = login(user, PASSWORD)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.get("passwordExpired").asBoolean()).isTrue();
        String restricted = answer.get("accessToken").asText();
        client.get()
                .uri("/api/v1/warnings")
                .headers(h -> h.setBearerAuth(restricted))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "password-expired");
        client.post()
                .uri("/api/v1/auth/password")
                .headers(h -> h.setBearerAuth(restricted))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Renewed-Pass-2027"))
                .exchange()
                .expectStatus()
                .isNoContent();

        JsonNode renewed = login(user, "Renewed-Pass-2027")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(renewed.get("passwordExpired").asBoolean()).isFalse();
        client.get()
                .uri("/api/v1/warnings")
                .headers(h -> h.setBearerAuth(renewed.get("accessToken").asText()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private String regulator() {
        String username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        client.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(SessionIT.token(client, "secadmin", "it-secadmin-password")))
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
}

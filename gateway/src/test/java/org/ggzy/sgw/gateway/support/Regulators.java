package org.ggzy.sgw.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Regulator accounts for tests, created by the security administrator (三员分立: no administrator reads warnings). */
public final class Regulators {

    public static final String SECADMIN_PASSWORD = "it-secadmin-password";
    public static final String PASSWORD = "regulator-password-1";

    private Regulators() {}

    /** A new regulator of one region (every trade type); its user name. */
    public static String create(WebTestClient client, String secadminPassword, String region) {
        String username = "reg-" + region + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(token(client, "secadmin", secadminPassword)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", username,
                        "password", PASSWORD,
                        "roles", List.of("REGULATOR"),
                        "regionCodes", List.of(region),
                        "tradeTypes", List.of("gcjs", "zfcg")))
                .exchange()
                .expectStatus()
                .isCreated();
        return username;
    }

    /** A token for a new regulator of the whole of Fujian (350000), where every scenario takes place. */
    public static String province(WebTestClient client) {
        return token(client, create(client, SECADMIN_PASSWORD, "350000"), PASSWORD);
    }

    public static String token(WebTestClient client, String username, String password) {
        return TestPlatform.token(client, username, password);
    }
}

package org.ggzy.sgw.gateway.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running gateway prepared for a fuzz run: platforms registered for every data set (several, so that the per-platform
 * rate limit is not what answers most pushes), a regulator's token, and the database to check what was stored.
 */
record FuzzTarget(String profile, int port, List<Signer> platforms, String regulatorToken, DatabaseClient db) {

    static final int PLATFORMS = 8;

    static FuzzTarget prepare(
            String profile,
            int port,
            WebTestClient client,
            DatabaseClient db,
            String adminPassword,
            String secadminPassword,
            List<String> datasets) {
        List<Signer> platforms = new ArrayList<>();
        for (int i = 0; i < PLATFORMS; i++) {
            TestPlatform p = TestPlatform.register(client, adminPassword, datasets.toArray(String[]::new));
            platforms.add(new Signer(p.code(), p.secret()));
        }
        String username = "fuzz-" + TestPlatform.nonce().substring(0, 12);
        client.post()
                .uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(token(client, "secadmin", secadminPassword)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", username,
                        "password", "regulator-password-1",
                        "roles", List.of("REGULATOR"),
                        "regionCodes", List.of("350100"),
                        "tradeTypes", List.of("gcjs", "zfcg")))
                .exchange()
                .expectStatus()
                .isCreated();
        return new FuzzTarget(profile, port, platforms, token(client, username, "regulator-password-1"), db);
    }

    private static String token(WebTestClient client, String username, String password) {
        return TestPlatform.token(client, username, password);
    }

    /** Rows of {@code table} ({@code receipts} or {@code records}) of a platform. */
    long stored(String table, String platformCode) {
        return db.sql("SELECT COUNT(*) AS n FROM " + table + " WHERE platform_code = :code")
                .bind("code", platformCode)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}

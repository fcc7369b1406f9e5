package org.ggzy.sgw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.ggzy.sgw.gateway.support.PostgresAndRedis;
import org.ggzy.sgw.gateway.support.Records;
import org.ggzy.sgw.gateway.support.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every refusal of the edge has its own problem type, and none of them stores anything. */
@PostgresAndRedis
class EdgeIT {

    static final String NOTICE = "gcjs.tender-notice";
    static final String PROBLEMS = "https://ggzy.org/problems/";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    TestPlatform platform;
    byte[] body;

    @BeforeEach
    void register() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        platform = TestPlatform.register(client, "it-admin-password", NOTICE);
        body = Records.bytes(Records.tenderNotice(platform.code()));
    }

    @AfterEach
    void nothingStored() {
        long receipts = db.sql("SELECT count(*) FROM receipts WHERE platform_code = :p")
                .bind("p", platform.code())
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        assertThat(receipts).as("receipts stored for refused requests").isZero();
    }

    void expectProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + slug)
                .jsonPath("$.requestId")
                .isNotEmpty();
    }

    WebTestClient.ResponseSpec send(long timestamp, String nonce, String secret) {
        return platform.signed(
                        "POST",
                        "/api/v1/push/" + NOTICE,
                        body,
                        MediaType.APPLICATION_JSON,
                        SignatureMethod.HMAC_SHA256,
                        timestamp,
                        nonce,
                        secret)
                .exchange();
    }

    @Test
    void shouldRefuseAReplayedNonce() {
        String nonce = TestPlatform.nonce();
        long now = System.currentTimeMillis();
        WebTestClient.ResponseSpec first = platform.signed(
                        "POST",
                        "/api/v1/push/validate/" + NOTICE,
                        body,
                        MediaType.APPLICATION_JSON,
                        SignatureMethod.HMAC_SHA256,
                        now,
                        nonce,
                        platform.secret())
                .exchange();
        first.expectStatus().isOk();
        expectProblem(
                platform.signed(
                                "POST",
                                "/api/v1/push/" + NOTICE,
                                body,
                                MediaType.APPLICATION_JSON,
                                SignatureMethod.HMAC_SHA256,
                                now,
                                nonce,
                                platform.secret())
                        .exchange(),
                401,
                "nonce-replayed");
    }

    @Test
    void shouldRefuseASkewedTimestamp() {
        long skewed = System.currentTimeMillis() - Duration.ofMinutes(6).toMillis();
        expectProblem(send(skewed, TestPlatform.nonce(), platform.secret()), 401, "timestamp-skew");
    }

    @Test
    void shouldRefuseAWrongSignature() {
        expectProblem(
                send(System.currentTimeMillis(), TestPlatform.nonce(), "not-the-secret"), 401, "signature-invalid");
    }

    @Test
    void shouldRefuseASignatureOverAnotherBody() {
        byte[] other = Arrays.copyOf(body, body.length);
        other[other.length - 2] = ' ';
        String path = "/api/v1/push/" + NOTICE;
        expectProblem(
                client.post()
                        .uri(path)
                        .headers(h -> h.addAll(platform.signatureHeaders(
                                "POST",
                                path,
                                body,
                                SignatureMethod.HMAC_SHA256,
                                System.currentTimeMillis(),
                                TestPlatform.nonce(),
                                platform.secret())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(other)
                        .exchange(),
                401,
                "signature-invalid");
    }

    @Test
    void shouldRefuseAnOversizedBodyWhileStreaming() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        expectProblem(platform.push(NOTICE, big), 413, "payload-too-large");
    }

    @Test
    void shouldRefuseMalformedJson() {
        expectProblem(platform.push(NOTICE, "{\"DATA_KEY\": ".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
    }

    @Test
    void shouldRefuseDuplicateKeys() {
        expectProblem(
                platform.push(NOTICE, "{\"A\":1,\"A\":2}".getBytes(StandardCharsets.UTF_8)), 400, "duplicate-key");
    }

    @Test
    void shouldRefuseDeepNesting() {
        String deep = "[".repeat(40) + "]".repeat(40);
        expectProblem(platform.push(NOTICE, deep.getBytes(StandardCharsets.UTF_8)), 400, "nesting-too-deep");
    }

    @Test
    void shouldRefuseAnUnknownDataset() {
        expectProblem(platform.push("gcjs.no-such-set", body), 404, "dataset-unknown");
    }

    @Test
    void shouldRefuseADatasetThePlatformMayNotPush() {
        expectProblem(platform.push("gcjs.bid-section", body), 403, "dataset-not-allowed");
    }

    @Test
    void shouldAnswerAnUnknownPlatformAsAWrongSignature() {
        TestPlatform stranger = new TestPlatform(client, TestPlatform.randomCode(), "secret");
        expectProblem(stranger.push(NOTICE, body), 401, "signature-invalid");
        assertThat(detail(stranger.push(NOTICE, body))).isEqualTo(wrongSignatureDetail());
    }

    @Test
    void shouldAcceptSignatureVersion2CoveringTheQuery() {
        platform.getV2("/api/v1/push/records?dataKey=NO-SUCH-KEY&dataset=" + NOTICE)
                .expectStatus()
                .isNotFound();
        platform.getV2("/api/v1/push/records?dataset=" + NOTICE + "&dataKey=A~B.C_D&dataKey=A")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void shouldRefuseASignatureVersion2WhenTheQueryWasChanged() {
        String signedFor = "/api/v1/push/records?dataset=" + NOTICE + "&dataKey=A";
        var headers = platform.signatureHeaders(
                "GET",
                signedFor,
                new byte[0],
                SignatureMethod.HMAC_SHA256,
                System.currentTimeMillis(),
                TestPlatform.nonce(),
                platform.secret(),
                SignatureVersion.V2);
        expectProblem(
                client.get()
                        .uri("/api/v1/push/records?dataset=" + NOTICE + "&dataKey=B")
                        .headers(h -> h.addAll(headers))
                        .exchange(),
                401,
                "signature-invalid");
    }

    @Test
    void shouldStillAcceptSignatureVersion1ByDefault() {
        platform.get("/api/v1/push/records?dataset=" + NOTICE + "&dataKey=NO-SUCH-KEY")
                .expectStatus()
                .isNotFound();
    }

    String wrongSignatureDetail() {
        return detail(send(System.currentTimeMillis(), TestPlatform.nonce(), "not-the-secret"));
    }

    static String detail(WebTestClient.ResponseSpec response) {
        return response.expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("detail")
                .asText();
    }

    @Test
    void shouldRefuseMissingSignatureHeaders() {
        expectProblem(
                client.post()
                        .uri("/api/v1/push/" + NOTICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange(),
                401,
                "credentials-missing");
    }

    @Test
    void shouldAnswerADisabledPlatformAsAWrongSignature() {
        client.patch()
                .uri("/api/v1/admin/platforms/" + platform.code())
                .headers(h -> h.setBearerAuth(TestPlatform.adminToken(client, "it-admin-password")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isOk();
        expectProblem(platform.push(NOTICE, body), 401, "signature-invalid");
        assertThat(detail(platform.push(NOTICE, body))).isEqualTo(wrongSignatureDetail());
    }
}

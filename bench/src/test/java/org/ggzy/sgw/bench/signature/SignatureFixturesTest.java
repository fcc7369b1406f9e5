package org.ggzy.sgw.bench.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signature benchmark measures the check of correctly signed requests with bodies of the sizes it claims. */
class SignatureFixturesTest {

    static final int[] SIZES = {2048, 102_400};

    @Test
    void shouldMakeBodiesOfExactlyTheSizeOfBidderRows() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int size : SIZES) {
            byte[] body = SignatureFixtures.body(size);
            assertThat(body).hasSize(size);
            JsonNode rows = json.readTree(body);
            assertThat(rows.isArray()).isTrue();
            assertThat(rows.get(0).get("DATA_KEY").asText()).isEqualTo("BD-2026-000001");
            assertThat(rows.size()).isBetween(size / 1300, size / 1000);
        }
    }

    @Test
    void shouldUseASecretShapedAsTheGatewayIssuesThem() {
        assertThat(SignatureFixtures.SECRET).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(SignatureFixtures.SECRET)).hasSize(32);
    }

    @ParameterizedTest
    @EnumSource(SignatureMethod.class)
    void shouldVerifyTheSignedRequestAndNothingElse(SignatureMethod method) {
        List<String> secrets = List.of(SignatureFixtures.SECRET);
        for (int size : SIZES) {
            byte[] body = SignatureFixtures.body(size);
            String signature = SignatureFixtures.sign(method, SignatureFixtures.SECRET, body);

            assertThat(verify(method, body, signature, secrets)).isTrue();
            // during a rotation the platform's previous secret is tried as well
            assertThat(verify(method, body, signature, List.of("another-secret", SignatureFixtures.SECRET)))
                    .isTrue();

            byte[] tampered = body.clone();
            tampered[size / 2] ^= 1;
            assertThat(verify(method, tampered, signature, secrets)).isFalse();
            assertThat(verify(method, body, signature, List.of("another-secret")))
                    .isFalse();
            SignatureMethod other =
                    method == SignatureMethod.HMAC_SHA256 ? SignatureMethod.HMAC_SM3 : SignatureMethod.HMAC_SHA256;
            assertThat(verify(other, body, signature, secrets)).isFalse();
            assertThat(SignatureFixtures.verify(
                            method, "1776217740001", SignatureFixtures.NONCE, body, signature, secrets))
                    .isFalse();
        }
    }

    @Test
    void shouldSignAsAnyHmacSha256ClientDoes() throws Exception {
        byte[] body = SignatureFixtures.body(2048);
        String bodyHex =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String canonical = String.join(
                "\n",
                "POST",
                "/api/v1/push/gcjs.bidder",
                SignatureFixtures.TIMESTAMP,
                SignatureFixtures.NONCE,
                bodyHex);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SignatureFixtures.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(SignatureMethod.HMAC_SHA256.digestHex(body)).isEqualTo(bodyHex);
        assertThat(SignatureFixtures.sign(SignatureMethod.HMAC_SHA256, SignatureFixtures.SECRET, body))
                .isEqualTo(expected);
    }

    @Test
    void shouldDigestWithSm3() {
        // GB/T 32905-2016, example 1
        assertThat(SignatureMethod.HMAC_SM3.digestHex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void shouldSetUpTheBenchmarkForEveryMethodAndSize() {
        for (SignatureMethod method : SignatureMethod.values()) {
            for (int size : SIZES) {
                SignatureBenchmark benchmark = new SignatureBenchmark();
                benchmark.method = method;
                benchmark.bodyBytes = size;
                benchmark.setUp();
                assertThat(benchmark.verifyRequest()).as(method + " " + size).isTrue();
            }
        }
    }

    @Test
    void shouldDigestTheBodiesAlikeInTheReferenceBenchmark() throws Exception {
        for (String digest : new String[] {"gateway-sha256", "gateway-sm3", "jdk-sha256"}) {
            BodyDigestBenchmark benchmark = new BodyDigestBenchmark();
            benchmark.digest = digest;
            benchmark.bodyBytes = 2048;
            benchmark.setUp();
            assertThat(benchmark.digestBody()).as(digest).hasSize(64);
        }
    }

    private static boolean verify(SignatureMethod method, byte[] body, String signature, List<String> secrets) {
        return SignatureFixtures.verify(
                method, SignatureFixtures.TIMESTAMP, SignatureFixtures.NONCE, body, signature, secrets);
    }
}

package org.ggzy.sgw.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.edge.SignatureVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** A platform registered through the administration API for one test, and a client that signs its requests. */
public record TestPlatform(WebTestClient client, String code, String secret) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Registers a platform of Fuzhou (350100) with a fresh random code for the given data sets. */
    public static TestPlatform register(WebTestClient client, String adminPassword, String... datasets) {
        return registerIn(client, adminPassword, "350100", datasets);
    }

    /** Registers a platform of a region with a fresh random code for the given data sets. */
    public static TestPlatform registerIn(
            WebTestClient client, String adminPassword, String regionCode, String... datasets) {
        String code = randomCode();
        JsonNode created = client.post()
                .uri("/api/v1/admin/platforms")
                .headers(h -> h.setBearerAuth(adminToken(client, adminPassword)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "platformCode",
                        code,
                        "name",
                        "测试交易系统 " + code,
                        "regionCode",
                        regionCode,
                        "datasets",
                        List.of(datasets)))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return new TestPlatform(client, code, created.get("secret").asText());
    }

    public static String adminToken(WebTestClient client, String password) {
        return token(client, "sysadmin", password);
    }

    /** A bearer token of the embedded identity provider. */
    public static String token(WebTestClient client, String username, String password) {
        return client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("accessToken")
                .asText();
    }

    /** An 18-character code of the USCC alphabet, unique per call. */
    public static String randomCode() {
        StringBuilder code = new StringBuilder("91");
        for (int i = 0; i < 16; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static String nonce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    /** A correctly signed request; the caller may still change anything before {@code exchange()}. */
    public WebTestClient.RequestHeadersSpec<?> signed(
            String method, String path, byte[] body, MediaType type, SignatureMethod signature) {
        return signed(method, path, body, type, signature, System.currentTimeMillis(), nonce(), secret);
    }

    public WebTestClient.RequestHeadersSpec<?> signed(
            String method,
            String path,
            byte[] body,
            MediaType type,
            SignatureMethod signature,
            long timestamp,
            String nonce,
            String signingSecret) {
        HttpHeaders headers = signatureHeaders(method, path, body, signature, timestamp, nonce, signingSecret);
        WebTestClient.RequestBodySpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .headers(h -> h.addAll(headers));
        return body.length == 0 ? spec : spec.contentType(type).bodyValue(body);
    }

    /** The five signature headers of API.md §1 for a request, signature version 1 (the query not covered). */
    public HttpHeaders signatureHeaders(
            String method,
            String path,
            byte[] body,
            SignatureMethod signature,
            long timestamp,
            String nonce,
            String signingSecret) {
        return signatureHeaders(method, path, body, signature, timestamp, nonce, signingSecret, SignatureVersion.V1);
    }

    /**
     * The signature headers for a request of the given signature version (version 2 also covers the query string
     * of {@code path}, and sends {@code X-Signature-Version: 2}).
     */
    public HttpHeaders signatureHeaders(
            String method,
            String path,
            byte[] body,
            SignatureMethod signature,
            long timestamp,
            String nonce,
            String signingSecret,
            SignatureVersion version) {
        int q = path.indexOf('?');
        String rawPath = q < 0 ? path : path.substring(0, q);
        String rawQuery = q < 0 ? null : path.substring(q + 1);
        String canonical = version.canonical(
                method, rawPath, rawQuery, Long.toString(timestamp), nonce, signature.digestHex(body));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Platform-Code", code);
        headers.set("X-Timestamp", Long.toString(timestamp));
        headers.set("X-Nonce", nonce);
        headers.set("X-Signature-Method", signature.header());
        if (version != SignatureVersion.V1) {
            headers.set("X-Signature-Version", version.header());
        }
        headers.set("X-Signature", base64(signature.hmac(signingSecret, canonical)));
        return headers;
    }

    /** Signs a {@code GET} with signature version 2 (covering the query string) and sends it. */
    public WebTestClient.ResponseSpec getV2(String path) {
        HttpHeaders headers = signatureHeaders(
                "GET",
                path,
                new byte[0],
                SignatureMethod.HMAC_SHA256,
                System.currentTimeMillis(),
                nonce(),
                secret,
                SignatureVersion.V2);
        return client.get().uri(path).headers(h -> h.addAll(headers)).exchange();
    }

    /** Signs and sends a JSON push through a non-blocking client (for concurrent load); emits the receipt. */
    public Mono<JsonNode> pushWith(WebClient web, String dataset, byte[] body) {
        String path = "/api/v1/push/" + dataset;
        return web.post()
                .uri(path)
                .headers(h -> h.addAll(signatureHeaders(
                        "POST", path, body, SignatureMethod.HMAC_SHA256, System.currentTimeMillis(), nonce(), secret)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class);
    }

    /** Signs and sends a JSON push. */
    public WebTestClient.ResponseSpec push(String dataset, byte[] body) {
        return signed("POST", "/api/v1/push/" + dataset, body, MediaType.APPLICATION_JSON, SignatureMethod.HMAC_SHA256)
                .exchange();
    }

    /** Signs and sends a {@code GET}. */
    public WebTestClient.ResponseSpec get(String path) {
        return signed("GET", path, new byte[0], MediaType.APPLICATION_JSON, SignatureMethod.HMAC_SHA256)
                .exchange();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

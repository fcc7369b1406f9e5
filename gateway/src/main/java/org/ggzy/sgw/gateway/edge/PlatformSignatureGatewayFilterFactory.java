package org.ggzy.sgw.gateway.edge;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.platform.PlatformService;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code PlatformSignature}: authenticates the pushing platform exactly as API.md §1 says. In this order: headers
 * present and well-formed (version 1 refused after {@code sgw.edge.signature-v1-until}); timestamp within the window;
 * signature (current secret, or the previous one during a rotation overlap) over method, raw path, (version 2: the
 * canonical query string,) timestamp, nonce and body digest, by a platform that is known and enabled (an unknown or
 * disabled platform gets exactly the answer of a wrong signature, the reason only in the log); nonce unused.
 * The nonce is recorded only for correctly signed requests, so nobody can burn a platform's nonces. When the nonce
 * store cannot answer, the request is refused ({@code 503}): replay protection fails closed.
 */
@Component
public class PlatformSignatureGatewayFilterFactory
        extends AbstractGatewayFilterFactory<PlatformSignatureGatewayFilterFactory.Config> {

    public static final int ORDER = -300;
    public static final String PLATFORM_HEADER = "X-Platform-Code";
    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String NONCE_HEADER = "X-Nonce";
    public static final String METHOD_HEADER = "X-Signature-Method";
    public static final String SIGNATURE_HEADER = "X-Signature";
    public static final String VERSION_HEADER = "X-Signature-Version";

    private static final Logger log = LoggerFactory.getLogger(PlatformSignatureGatewayFilterFactory.class);
    private static final Pattern PLATFORM_CODE = Pattern.compile("^[0-9A-Z]{18}$");
    private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");
    private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{1,15}$");

    private final PlatformService platforms;
    private final NonceStore nonces;
    private final Clock clock;
    private final EdgeProperties edge;
    private final List<String> decoySecrets = List.of(decoySecret());

    public PlatformSignatureGatewayFilterFactory(
            PlatformService platforms, NonceStore nonces, Clock clock, EdgeProperties edge) {
        super(Config.class);
        this.platforms = platforms;
        this.nonces = nonces;
        this.clock = clock;
        this.edge = edge;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> authenticate(exchange, config).then(chain.filter(exchange)), ORDER);
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, Config config) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        single(headers);
        String code = headers.getFirst(PLATFORM_HEADER);
        String timestamp = headers.getFirst(TIMESTAMP_HEADER);
        String nonce = headers.getFirst(NONCE_HEADER);
        String signature = headers.getFirst(SIGNATURE_HEADER);
        SignatureMethod method = SignatureMethod.fromHeader(headers.getFirst(METHOD_HEADER))
                .orElseThrow(() ->
                        ProblemType.SIGNATURE_INVALID.exception("X-Signature-Method must be HMAC-SHA256 or HMAC-SM3."));
        SignatureVersion version = version(headers.getFirst(VERSION_HEADER));
        checkPresent(code, PLATFORM_CODE, PLATFORM_HEADER, "the platform's 18-character code");
        checkPresent(timestamp, TIMESTAMP, TIMESTAMP_HEADER, "milliseconds since the epoch");
        checkPresent(nonce, NONCE, NONCE_HEADER, "16-64 characters A-Z a-z 0-9 _ -");
        if (signature == null || signature.isBlank()) {
            throw ProblemType.CREDENTIALS_MISSING.exception("Header X-Signature is missing.");
        }
        Signed signed = new Signed(code, method, version, timestamp, nonce, signature);
        return platforms
                .credentials(code)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    PlatformCredentials platform = verify(exchange, found, signed, config);
                    return claimNonce(platform, nonce, config).doOnSuccess(ok -> {
                        exchange.getAttributes().put(EdgeAttributes.PLATFORM, platform);
                        exchange.getAttributes().put(EdgeAttributes.SIGNATURE_METHOD, method);
                    });
                });
    }

    private SignatureVersion version(String header) {
        SignatureVersion version = SignatureVersion.fromHeader(header)
                .orElseThrow(() -> ProblemType.SIGNATURE_INVALID.exception("X-Signature-Version must be 1 or 2."));
        Instant until = edge.signatureV1Until();
        if (version == SignatureVersion.V1 && until != null && !clock.instant().isBefore(until)) {
            throw ProblemType.SIGNATURE_INVALID.exception("Signature version 1 is no longer accepted (since " + until
                    + "): sign the query string too and send X-Signature-Version: 2.");
        }
        return version;
    }

    /**
     * Each signing header at most once: with two values, the gateway and a proxy in front of it could each read
     * another one, so such a request is refused rather than judged by its first value.
     */
    private static void single(HttpHeaders headers) {
        for (String header : List.of(
                PLATFORM_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER, METHOD_HEADER, VERSION_HEADER)) {
            List<String> values = headers.get(header);
            if (values != null && values.size() > 1) {
                throw ProblemType.CREDENTIALS_MISSING.exception(
                        "Header " + header + " is malformed: sent " + values.size() + " times, expected once.");
            }
        }
    }

    private static void checkPresent(String value, Pattern format, String header, String expected) {
        if (value == null || !format.matcher(value).matches()) {
            throw ProblemType.CREDENTIALS_MISSING.exception("Header " + header + " is "
                    + (value == null ? "missing" : "malformed") + ": expected " + expected + ".");
        }
    }

    /**
     * The platform whose signature matches. An unknown or disabled platform goes through the same steps as a known
     * one (against a secret nobody has) and gets the same answer as a wrong signature; the reason is only logged.
     */
    private PlatformCredentials verify(
            ServerWebExchange exchange, Optional<PlatformCredentials> found, Signed signed, Config config) {
        checkWindow(signed.timestamp(), config);
        byte[] presented = decode(signed.signature());
        String bodyDigest = signed.method().digestHex(EdgeAttributes.rawBody(exchange));
        exchange.getAttributes().put(EdgeAttributes.BODY_DIGEST, bodyDigest);
        String canonical = signed.version()
                .canonical(
                        exchange.getRequest().getMethod().name(),
                        EdgeAttributes.originalPath(exchange),
                        exchange.getRequest().getURI().getRawQuery(),
                        signed.timestamp(),
                        signed.nonce(),
                        bodyDigest);
        boolean usable = found.map(PlatformCredentials::enabled).orElse(false);
        List<String> secrets = usable ? found.get().secrets() : decoySecrets;
        for (String secret : secrets) {
            if (MessageDigest.isEqual(signed.method().hmac(secret, canonical), presented) && usable) {
                return found.get();
            }
        }
        log.atInfo()
                .addKeyValue("platformCode", signed.code())
                .addKeyValue(
                        "reason", found.isEmpty() ? "platform-unknown" : usable ? "signature" : "platform-disabled")
                .log("platform signature refused");
        throw ProblemType.SIGNATURE_INVALID.exception(
                "X-Signature does not match " + signed.method().header()
                        + " over the canonical string of signature version "
                        + signed.version().header()
                        + " (API.md §1), or the platform may not push.");
    }

    private void checkWindow(String timestamp, Config config) {
        long skew = Math.abs(clock.millis() - Long.parseLong(timestamp));
        if (skew > config.getAllowedSkew().toMillis()) {
            throw ProblemType.TIMESTAMP_SKEW
                    .exception("X-Timestamp is " + skew / 1000 + " s away from the gateway's clock; at most "
                            + config.getAllowedSkew().toSeconds() + " s is allowed.")
                    .with("serverTime", clock.millis());
        }
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemType.SIGNATURE_INVALID.exception("X-Signature is not Base64.");
        }
    }

    private Mono<Void> claimNonce(PlatformCredentials platform, String nonce, Config config) {
        return nonces.claim(platform.code(), nonce, config.getNonceTtl())
                .onErrorMap(e -> !(e instanceof ProblemException), e -> {
                    log.atError()
                            .addKeyValue("platformCode", platform.code())
                            .setCause(e)
                            .log("nonce store unavailable: refusing the request (replay protection fails closed)");
                    return ProblemType.NONCE_STORE_UNAVAILABLE
                            .exception("Replay protection is temporarily unavailable; retry with a new nonce.")
                            .header(HttpHeaders.RETRY_AFTER, "1");
                })
                .flatMap(fresh -> fresh
                        ? Mono.<Void>empty()
                        : Mono.error(ProblemType.NONCE_REPLAYED.exception(
                                "X-Nonce was already used by this platform in the last "
                                        + config.getNonceTtl().toMinutes() + " minutes.")));
    }

    private static String decoySecret() {
        byte[] bytes = new byte[32];
        Ids.random().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The signature headers of one request. */
    private record Signed(
            String code,
            SignatureMethod method,
            SignatureVersion version,
            String timestamp,
            String nonce,
            String signature) {}

    /** Configuration of {@code PlatformSignature}. */
    public static class Config {
        private Duration allowedSkew = Duration.ofMinutes(5);
        private Duration nonceTtl = Duration.ofMinutes(10);

        public Duration getAllowedSkew() {
            return allowedSkew;
        }

        public void setAllowedSkew(Duration allowedSkew) {
            this.allowedSkew = allowedSkew;
        }

        public Duration getNonceTtl() {
            return nonceTtl;
        }

        public void setNonceTtl(Duration nonceTtl) {
            if (nonceTtl.compareTo(allowedSkew.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("PlatformSignature nonce-ttl must cover twice the allowed skew");
            }
            this.nonceTtl = nonceTtl;
        }

        @Override
        public String toString() {
            return "PlatformSignature[allowedSkew=" + allowedSkew + ", nonceTtl=" + nonceTtl + "]";
        }
    }
}

package org.ggzy.sgw.gateway.edge;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
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
 * present and well-formed; platform known and enabled; timestamp within the window; signature (current secret, or
 * the previous one during a rotation overlap) over method, raw path, timestamp, nonce and body digest; nonce unused.
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

    private static final Logger log = LoggerFactory.getLogger(PlatformSignatureGatewayFilterFactory.class);
    private static final Pattern PLATFORM_CODE = Pattern.compile("^[0-9A-Z]{18}$");
    private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");
    private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{1,15}$");

    private final PlatformService platforms;
    private final NonceStore nonces;
    private final Clock clock;

    public PlatformSignatureGatewayFilterFactory(PlatformService platforms, NonceStore nonces, Clock clock) {
        super(Config.class);
        this.platforms = platforms;
        this.nonces = nonces;
        this.clock = clock;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> authenticate(exchange, config).then(chain.filter(exchange)), ORDER);
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, Config config) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String code = headers.getFirst(PLATFORM_HEADER);
        String timestamp = headers.getFirst(TIMESTAMP_HEADER);
        String nonce = headers.getFirst(NONCE_HEADER);
        String signature = headers.getFirst(SIGNATURE_HEADER);
        SignatureMethod method = SignatureMethod.fromHeader(headers.getFirst(METHOD_HEADER))
                .orElseThrow(() ->
                        ProblemType.SIGNATURE_INVALID.exception("X-Signature-Method must be HMAC-SHA256 or HMAC-SM3."));
        checkPresent(code, PLATFORM_CODE, PLATFORM_HEADER, "the platform's 18-character code");
        checkPresent(timestamp, TIMESTAMP, TIMESTAMP_HEADER, "milliseconds since the epoch");
        checkPresent(nonce, NONCE, NONCE_HEADER, "16-64 characters A-Z a-z 0-9 _ -");
        if (signature == null || signature.isBlank()) {
            throw ProblemType.CREDENTIALS_MISSING.exception("Header X-Signature is missing.");
        }
        return platforms
                .credentials(code)
                .switchIfEmpty(Mono.error(() ->
                        ProblemType.PLATFORM_UNKNOWN.exception("No platform is registered with code " + code + ".")))
                .flatMap(platform -> {
                    verify(exchange, platform, method, timestamp, nonce, signature, config);
                    return claimNonce(platform, nonce, config).doOnSuccess(ok -> {
                        exchange.getAttributes().put(EdgeAttributes.PLATFORM, platform);
                        exchange.getAttributes().put(EdgeAttributes.SIGNATURE_METHOD, method);
                    });
                });
    }

    private static void checkPresent(String value, Pattern format, String header, String expected) {
        if (value == null || !format.matcher(value).matches()) {
            throw ProblemType.CREDENTIALS_MISSING.exception("Header " + header + " is "
                    + (value == null ? "missing" : "malformed") + ": expected " + expected + ".");
        }
    }

    private void verify(
            ServerWebExchange exchange,
            PlatformCredentials platform,
            SignatureMethod method,
            String timestamp,
            String nonce,
            String signature,
            Config config) {
        if (!platform.enabled()) {
            throw ProblemType.PLATFORM_DISABLED.exception("Platform " + platform.code() + " is disabled.");
        }
        long skew = Math.abs(clock.millis() - Long.parseLong(timestamp));
        if (skew > config.getAllowedSkew().toMillis()) {
            throw ProblemType.TIMESTAMP_SKEW
                    .exception("X-Timestamp is " + skew / 1000 + " s away from the gateway's clock; at most "
                            + config.getAllowedSkew().toSeconds() + " s is allowed.")
                    .with("serverTime", clock.millis());
        }
        byte[] presented = decode(signature);
        String bodyDigest = method.digestHex(EdgeAttributes.rawBody(exchange));
        exchange.getAttributes().put(EdgeAttributes.BODY_DIGEST, bodyDigest);
        String canonical = SignatureMethod.canonical(
                exchange.getRequest().getMethod().name(),
                EdgeAttributes.originalPath(exchange),
                timestamp,
                nonce,
                bodyDigest);
        for (String secret : platform.secrets()) {
            if (MessageDigest.isEqual(method.hmac(secret, canonical), presented)) {
                return;
            }
        }
        throw ProblemType.SIGNATURE_INVALID.exception(
                "X-Signature does not match " + method.header() + " over the canonical string (method, raw path, "
                        + "X-Timestamp, X-Nonce and the hex digest of the body, joined by \\n).");
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

package org.ggzy.sgw.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as a platform does (API.md §1, {@code deploy/push.sh}, the gateway's {@code SignatureMethod}),
 * signature version 2: Base64 of HMAC-SHA256 under the platform's secret over six lines joined by {@code \n}: the
 * method, the raw path, the canonical query string (always empty here: the load generator's pushes have no query),
 * {@code X-Timestamp} (milliseconds), {@code X-Nonce}, and the lowercase hex SHA-256 of the raw body.
 */
final class Signer {

    static final String PLATFORM_HEADER = "X-Platform-Code";
    static final String TIMESTAMP_HEADER = "X-Timestamp";
    static final String NONCE_HEADER = "X-Nonce";
    static final String METHOD_HEADER = "X-Signature-Method";
    static final String SIGNATURE_HEADER = "X-Signature";
    static final String VERSION_HEADER = "X-Signature-Version";
    static final String VERSION = "2";
    static final String METHOD = "HMAC-SHA256";

    private static final HexFormat HEX = HexFormat.of();

    private final String platformCode;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    Signer(String platformCode, String secret) {
        this.platformCode = platformCode;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    String platformCode() {
        return platformCode;
    }

    /** The canonical string the signature covers (version 2, for a path without a query string). */
    static String canonical(String method, String rawPath, String timestamp, String nonce, String bodyHex) {
        if (rawPath.indexOf('?') >= 0) {
            throw new IllegalArgumentException("the load generator signs paths without a query string: " + rawPath);
        }
        return method + "\n" + rawPath + "\n\n" + timestamp + "\n" + nonce + "\n" + bodyHex;
    }

    /** Lowercase hex SHA-256 of the bytes. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Base64 of the HMAC-SHA256 of the canonical string. */
    String signature(String method, String rawPath, long timestamp, String nonce, String bodyHex) {
        String canonical = canonical(method, rawPath, Long.toString(timestamp), nonce, bodyHex);
        Mac mac = macs.get();
        return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** 32 random hex characters (the gateway accepts 16-64 of A-Z a-z 0-9 _ -). */
    static String nonce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}

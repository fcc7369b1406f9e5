package org.ggzy.sgw.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The signature methods of API.md §1: HMAC over the canonical string, and the digest of the body. SHA-256 comes from
 * the JDK (HotSpot runs it as an intrinsic on processors with the SHA extensions: about 6–7 times Bouncy Castle's
 * speed here, see bench/README.md); SM3, which the JDK does not have, from Bouncy Castle.
 */
public enum SignatureMethod {
    HMAC_SHA256("HMAC-SHA256", "sha256") {
        @Override
        byte[] digest(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        @Override
        public byte[] hmac(String secret, String text) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    },
    HMAC_SM3("HMAC-SM3", "sm3") {
        @Override
        byte[] digest(byte[] bytes) {
            SM3Digest digest = new SM3Digest();
            digest.update(bytes, 0, bytes.length);
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return out;
        }

        @Override
        public byte[] hmac(String secret, String text) {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            mac.update(data, 0, data.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }
    };

    private final String header;
    private final String digestName;

    SignatureMethod(String header, String digestName) {
        this.header = header;
        this.digestName = digestName;
    }

    /** The method named by {@code X-Signature-Method}; absent means {@code HMAC-SHA256}. */
    public static Optional<SignatureMethod> fromHeader(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(HMAC_SHA256);
        }
        for (SignatureMethod m : values()) {
            if (m.header.equalsIgnoreCase(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public String header() {
        return header;
    }

    abstract byte[] digest(byte[] bytes);

    /** HMAC of the text under the secret (its UTF-8 bytes). */
    public abstract byte[] hmac(String secret, String text);

    /** Lowercase hex digest of the bytes (SHA-256 or SM3). */
    public String digestHex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** The digest as receipts show it: {@code sha256:<hex>} or {@code sm3:<hex>}. */
    public String labelledDigest(byte[] bytes) {
        return labelled(digestHex(bytes));
    }

    /** A hex digest of this method, labelled as receipts show it. */
    public String labelled(String hex) {
        return digestName + ":" + hex;
    }

    /** The canonical string a signature of version 1 covers (not the query string). */
    public static String canonical(String method, String rawPath, String timestamp, String nonce, String bodyHex) {
        return method + "\n" + rawPath + "\n" + timestamp + "\n" + nonce + "\n" + bodyHex;
    }

    /**
     * The canonical string a signature of version 2 covers: version 1's with the canonical query string (see
     * {@link CanonicalQuery}) after the raw path.
     */
    public static String canonicalV2(
            String method, String rawPath, String rawQuery, String timestamp, String nonce, String bodyHex) {
        return method + "\n" + rawPath + "\n" + CanonicalQuery.of(rawQuery) + "\n" + timestamp + "\n" + nonce + "\n"
                + bodyHex;
    }
}

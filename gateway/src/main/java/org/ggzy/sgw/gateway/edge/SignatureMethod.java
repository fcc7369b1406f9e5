package org.ggzy.sgw.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The signature methods of API.md §1: HMAC over the canonical string, and the digest of the body. */
public enum SignatureMethod {
    HMAC_SHA256("HMAC-SHA256", "sha256"),
    HMAC_SM3("HMAC-SM3", "sm3");

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

    private Digest newDigest() {
        return this == HMAC_SM3 ? new SM3Digest() : new SHA256Digest();
    }

    /** Lowercase hex digest of the bytes (SHA-256 or SM3). */
    public String digestHex(byte[] bytes) {
        Digest digest = newDigest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** The digest as receipts show it: {@code sha256:<hex>} or {@code sm3:<hex>}. */
    public String labelledDigest(byte[] bytes) {
        return digestName + ":" + digestHex(bytes);
    }

    /** HMAC of the text under the secret (its UTF-8 bytes). */
    public byte[] hmac(String secret, String text) {
        HMac mac = new HMac(newDigest());
        mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** The canonical string a push request's signature covers. */
    public static String canonical(String method, String rawPath, String timestamp, String nonce, String bodyHex) {
        return method + "\n" + rawPath + "\n" + timestamp + "\n" + nonce + "\n" + bodyHex;
    }
}

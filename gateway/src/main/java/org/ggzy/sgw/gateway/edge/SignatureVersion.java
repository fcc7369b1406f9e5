package org.ggzy.sgw.gateway.edge;

import java.util.Optional;

/**
 * What a platform's signature covers, by {@code X-Signature-Version}: version 1 (the default when the header is
 * absent) the method, raw path, timestamp, nonce and body digest; version 2 also the canonical query string.
 */
public enum SignatureVersion {
    V1("1"),
    V2("2");

    private final String header;

    SignatureVersion(String header) {
        this.header = header;
    }

    /** The version named by {@code X-Signature-Version}; absent or empty means version 1. */
    public static Optional<SignatureVersion> fromHeader(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(V1);
        }
        for (SignatureVersion v : values()) {
            if (v.header.equals(value.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public String header() {
        return header;
    }

    /** The canonical string a signature of this version covers. */
    public String canonical(
            String method, String rawPath, String rawQuery, String timestamp, String nonce, String bodyHex) {
        return this == V1
                ? SignatureMethod.canonical(method, rawPath, timestamp, nonce, bodyHex)
                : SignatureMethod.canonicalV2(method, rawPath, rawQuery, timestamp, nonce, bodyHex);
    }
}

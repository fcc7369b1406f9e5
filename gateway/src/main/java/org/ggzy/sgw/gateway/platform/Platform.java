package org.ggzy.sgw.gateway.platform;

import java.time.Instant;
import java.util.Set;

/** A trading system allowed to push, as stored (its secrets encrypted). */
record Platform(
        String code,
        String name,
        String regionCode,
        boolean enabled,
        Set<String> datasets,
        String secretCiphertext,
        String previousSecretCiphertext,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The view administrators get: never a secret. */
    PlatformView view() {
        return new PlatformView(
                code,
                name,
                regionCode,
                enabled,
                datasets.stream().sorted().toList(),
                previousSecretExpiresAt,
                createdAt,
                updatedAt);
    }
}

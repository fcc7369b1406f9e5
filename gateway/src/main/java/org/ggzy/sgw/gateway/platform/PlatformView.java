package org.ggzy.sgw.gateway.platform;

import java.time.Instant;
import java.util.List;

/** A platform as the administration API shows it. */
record PlatformView(
        String platformCode,
        String name,
        String regionCode,
        boolean enabled,
        List<String> datasets,
        Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt) {}

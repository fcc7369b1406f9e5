package org.ggzy.sgw.gateway.warning;

/**
 * A silence: warnings matching all of its non-null matchers while it is active are stored as {@code SILENCED} and
 * nobody is notified.
 */
public record Silence(
        String id,
        String rule,
        String platformCode,
        String regionCode,
        String reason,
        String createdBy,
        String startsAt,
        String endsAt,
        String createdAt,
        String expiredBy,
        String expiredAt,
        boolean active) {}

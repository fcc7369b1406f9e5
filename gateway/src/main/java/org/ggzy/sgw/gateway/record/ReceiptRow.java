package org.ggzy.sgw.gateway.record;

import java.time.Instant;

/** A receipt as stored: the counters for queries and the exact body the platform received. */
public record ReceiptRow(
        String id,
        String platformCode,
        String dataset,
        Instant receivedAt,
        String requestId,
        String signatureMethod,
        String bodyDigest,
        int accepted,
        int duplicates,
        int stale,
        int rejected,
        String body) {}

package org.ggzy.sgw.gateway.record;

import java.time.Instant;

/** One stored version of a record, as the platform self-service shows it. */
public record StoredVersion(
        String recordId,
        String receiptId,
        Integer version,
        RecordStatus status,
        Instant dataTimestamp,
        Instant receivedAt,
        String digest) {}

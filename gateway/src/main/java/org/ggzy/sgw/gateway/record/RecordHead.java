package org.ggzy.sgw.gateway.record;

import java.time.Instant;

/** The current version of a record: one row per (platform, data set, {@code DATA_KEY}). */
public record RecordHead(String recordId, int version, Instant dataTimestamp, String contentDigest) {

    /** What a record with this timestamp and content would become against this head. */
    public RecordStatus judge(Instant timestamp, String digest) {
        int order = timestamp.compareTo(dataTimestamp);
        if (order > 0) {
            return RecordStatus.ACCEPTED;
        }
        if (order < 0) {
            return RecordStatus.STALE;
        }
        return contentDigest.equals(digest) ? RecordStatus.DUPLICATE : RecordStatus.REJECTED;
    }
}

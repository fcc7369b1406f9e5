package org.ggzy.sgw.gateway.record;

/** What became of a pushed record (rules.md §1). */
public enum RecordStatus {
    /** Stored and applied: new, or newer than the stored version. */
    ACCEPTED,
    /** Same key, timestamp and content as the stored version: nothing changes, no side effects. */
    DUPLICATE,
    /** Older {@code DATA_TIMESTAMP} than the stored version: kept for audit, not applied. */
    STALE,
    /** Not stored: see the violations. */
    REJECTED
}

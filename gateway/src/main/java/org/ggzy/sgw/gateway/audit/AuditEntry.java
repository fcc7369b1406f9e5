package org.ggzy.sgw.gateway.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as stored. {@code before} and {@code after} are JSON text (or {@code null}), exactly
 * as hashed.
 */
record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        String target,
        String sourceAddress,
        String requestId,
        String before,
        String after,
        String prevHash,
        String hash) {

    /** Whether the stored hash is the hash of the stored fields. */
    boolean selfConsistent() {
        return hash.equals(AuditChain.hash(this));
    }
}

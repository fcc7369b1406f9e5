package org.ggzy.sgw.gateway.record;

import java.time.Instant;

/**
 * A valid record about to be stored.
 *
 * @param index position in the request
 * @param dataKey the platform's key of the record
 * @param dataTimestamp its {@code DATA_TIMESTAMP}
 * @param payload its exact bytes, as text
 * @param digest {@code sha256:<hex>} of the exact bytes
 * @param contentDigest {@code sha256:<hex>} of its canonical form (keys sorted, no white space): what decides whether
 *     a re-sent record is a duplicate
 */
public record IncomingRecord(
        int index, String dataKey, Instant dataTimestamp, String payload, String digest, String contentDigest) {}

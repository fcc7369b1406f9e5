package org.ggzy.sgw.gateway.record;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param node the parsed record
 * @param eventAt its event time (the catalogue's {@code eventTime} field), or {@code null} when absent
 * @param lagSeconds receive time minus event time, or {@code null}
 * @param withinSla whether it was pushed within its data set's SLA, or {@code null}
 */
public record IncomingRecord(
        int index,
        String dataKey,
        Instant dataTimestamp,
        String payload,
        String digest,
        String contentDigest,
        JsonNode node,
        Instant eventAt,
        Long lagSeconds,
        Boolean withinSla) {}

package org.ggzy.sgw.gateway.outbox;

import java.util.Map;

/** A delivery to write into the outbox. */
record OutboxRow(
        String id,
        String destination,
        String kind,
        String recordId,
        String warningId,
        String dataset,
        String tradeType,
        String partitionKey,
        String platformCode,
        String regionCode,
        Map<String, String> attributes,
        String payload,
        String masking) {}

package org.ggzy.sgw.gateway.outbox;

/** A delivery as {@code GET /api/v1/admin/deliveries} shows it (without the payload). */
record DeliveryView(
        String id,
        String destination,
        String kind,
        String recordId,
        String warningId,
        String dataset,
        String tradeType,
        String platformCode,
        String regionCode,
        String masking,
        String status,
        int attempts,
        String nextAttemptAt,
        String lastError,
        Integer lastHttpStatus,
        String createdAt,
        String deliveredAt) {}

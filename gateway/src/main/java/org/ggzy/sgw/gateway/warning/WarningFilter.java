package org.ggzy.sgw.gateway.warning;

import java.time.Instant;

/** The filters of {@code GET /api/v1/warnings}; {@code null} means no filter. */
record WarningFilter(
        String status,
        String rule,
        String severity,
        String platform,
        String region,
        String tenderProjectCode,
        String bidSectionCode,
        String escalatedTo,
        Instant from,
        Instant to,
        int page,
        int size) {}

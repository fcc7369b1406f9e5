package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;

/** A stored expectation (see {@link PlannedExpectation}); status OPEN, BREACHED, MET or CANCELLED. */
record Expectation(
        String id,
        SectionKey key,
        String rule,
        String dataset,
        String discriminator,
        String createdBy,
        String createdByDataset,
        String platformCode,
        String regionCode,
        Instant dueAt,
        String status,
        String legalBasis,
        String warningId) {

    static final String OPEN = "OPEN";
    static final String BREACHED = "BREACHED";
    static final String MET = "MET";
    static final String CANCELLED = "CANCELLED";
}

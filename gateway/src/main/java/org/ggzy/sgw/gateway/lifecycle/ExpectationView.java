package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;

/** An expectation as the project view shows it. */
public record ExpectationView(
        String id,
        String bidSectionCode,
        String rule,
        String dataset,
        String discriminator,
        String createdByDataset,
        String createdBy,
        Instant dueAt,
        String status,
        String metBy,
        Instant metAt,
        String warningId,
        String legalBasis) {}

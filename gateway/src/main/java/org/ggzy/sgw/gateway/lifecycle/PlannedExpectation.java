package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;

/**
 * An expectation a record creates for its section.
 *
 * @param rule {@code STAGE_MISSING}, {@code SEQUENCE_GAP} or {@code AV_ARCHIVE_MISSING}
 * @param dataset the expected data set
 * @param discriminator the activity type for {@code AV_ARCHIVE_MISSING}, else {@code ""}
 * @param dueAt when it is due (the expected data set's push SLA included)
 * @param createdBy the record version that created it
 * @param createdByDataset that record's data set
 * @param legalBasis why it is expected
 */
record PlannedExpectation(
        String rule,
        String dataset,
        String discriminator,
        Instant dueAt,
        String createdBy,
        String createdByDataset,
        String legalBasis) {}

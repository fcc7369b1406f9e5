package org.ggzy.sgw.gateway.regulator;

import java.time.Instant;
import java.util.List;
import org.ggzy.sgw.gateway.warning.Warning;

/**
 * Everything stored about one project of one trade type, before the caller's scope is applied.
 *
 * @param sections the project's rows in {@code sections} (section code {@code ""} is the project itself)
 * @param versions every stored version of every record attached to one of them
 * @param expectations the project's expectations
 * @param warnings the project's warnings with their events, newest first
 */
record ProjectData(
        String project,
        String tradeType,
        List<SectionRow> sections,
        List<VersionRow> versions,
        List<ExpectationRow> expectations,
        List<Warning> warnings) {

    /**
     * A row of {@code sections}; {@code regionCode} is empty while unknown ({@code platformRegion}: the region of the
     * platform that first pushed for it).
     */
    record SectionRow(
            String tradeType, String sectionCode, String regionCode, String platformCode, String platformRegion) {}

    /**
     * One stored version of a record attached to a section ({@code currentId}: the version the section points at).
     * {@code payload} is loaded for the archive only.
     */
    record VersionRow(
            String sectionCode,
            String platformCode,
            String dataset,
            String dataKey,
            String currentId,
            String recordId,
            String receiptId,
            Integer version,
            String status,
            Instant dataTimestamp,
            Instant receivedAt,
            String digest,
            String payload) {}

    /** A row of {@code expectations}. */
    record ExpectationRow(
            String id,
            String sectionCode,
            String rule,
            String dataset,
            String discriminator,
            String createdBy,
            String createdByDataset,
            String platformCode,
            Instant dueAt,
            String status,
            String metBy,
            Instant metAt,
            String warningId,
            String legalBasis) {}
}

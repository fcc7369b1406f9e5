package org.ggzy.sgw.gateway.regulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ggzy.sgw.gateway.warning.Warning;

/**
 * The 一项一档 view of a project: per section, the records received (with every stored version), the expectations and
 * the warnings; the project's own records, expectations and warnings beside them (section code {@code ""}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProjectView(
        String tenderProjectCode,
        String tradeType,
        String regionCode,
        List<Section> sections,
        List<RecordItem> projectRecords,
        List<ExpectationItem> projectExpectations,
        List<Warning> projectWarnings) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Section(
            String bidSectionCode,
            String regionCode,
            List<RecordItem> records,
            List<ExpectationItem> expectations,
            List<Warning> warnings) {}

    /** A record with its current version ({@code recordId}, {@code version}, {@code receivedAt}) and all versions. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RecordItem(
            String dataset,
            String dataKey,
            String platformCode,
            String recordId,
            Integer version,
            String receivedAt,
            List<Version> versions) {}

    /** A stored version, newest first; {@code version} is null for a stale one. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Version(
            String recordId,
            String receiptId,
            Integer version,
            String status,
            String dataTimestamp,
            String receivedAt,
            String digest) {}

    /** An expectation; {@code overdue} when it is still waiting (open or breached) after its due time. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ExpectationItem(
            String id,
            String rule,
            String dataset,
            String discriminator,
            String createdByDataset,
            String createdBy,
            String platformCode,
            String dueAt,
            String status,
            String metBy,
            String metAt,
            String warningId,
            String legalBasis,
            boolean overdue) {}
}

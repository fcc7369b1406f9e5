package org.ggzy.sgw.gateway.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds and severities of the audio-video archive rules (rules.md §3, A02 to A04), after the venue regulation
 * 《交易场所监控系统和音频视频资料管理制度》.
 *
 * @param maxWorkingDays A02: most working days from a trading activity's end (ACTIVITY_TIME) to the
 *     archiving of its recordings (ARCHIVE_TIME) (第十条)
 * @param minCopies A03: least copies of an archive (COPIES) (第十四条)
 * @param minRetentionYears A04: least years an archive is kept (RETENTION_YEARS) (第十二条)
 * @param severity the severity of each rule's warnings
 */
@Validated
@ConfigurationProperties("sgw.rules.archive")
public record ArchiveProperties(
        @Min(0) @DefaultValue("5") int maxWorkingDays,
        @Min(1) @DefaultValue("2") int minCopies,
        @Min(1) @DefaultValue("15") int minRetentionYears,
        @Valid @NotNull @DefaultValue Severities severity) {

    /**
     * The severity of each archive rule.
     *
     * @param avArchiveLate A02 AV_ARCHIVE_LATE
     * @param avCopiesInsufficient A03 AV_COPIES_INSUFFICIENT
     * @param avRetentionTooShort A04 AV_RETENTION_TOO_SHORT
     */
    public record Severities(
            @NotNull @DefaultValue("YELLOW") Severity avArchiveLate,
            @NotNull @DefaultValue("ORANGE") Severity avCopiesInsufficient,
            @NotNull @DefaultValue("ORANGE") Severity avRetentionTooShort) {}
}

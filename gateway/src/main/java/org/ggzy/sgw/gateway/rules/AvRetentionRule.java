package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A04 {@code AV_RETENTION_TOO_SHORT}: an audio-video archive kept for fewer than {@code min-retention-years} (15)
 * years ({@code RETENTION_YEARS}; 《交易场所监控系统和音频视频资料管理制度》第十二条: "保存期限不得少于十五年").
 * Every archive record of the section is checked; the shortest retention gives the finding.
 */
final class AvRetentionRule extends SectionRule {

    private final int minYears;

    AvRetentionRule(ArchiveProperties properties) {
        super(
                "A04",
                "AV_RETENTION_TOO_SHORT",
                properties.severity().avRetentionTooShort(),
                AvArchives.REGULATION + "第十二条",
                Set.of(AvArchives.DATASET));
        this.minYears = properties.minRetentionYears();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord archive : state.all(AvArchives.DATASET)) {
            check(archive).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord archive) {
        Optional<BigDecimal> years = archive.decimal("RETENTION_YEARS");
        if (years.isEmpty() || years.get().compareTo(BigDecimal.valueOf(minYears)) >= 0) {
            return Optional.empty();
        }
        String shown = Yuan.plain(years.get());
        Evidence evidence = new Evidence()
                .fields(archive, "ACTIVITY_TYPE", "ARCHIVE_NO", "ARCHIVE_DEPT")
                .put("RETENTION_YEARS", shown)
                .put("minRetentionYears", minYears);
        Finding finding = finding(
                AvArchives.DATASET,
                "RETENTION_YEARS %s for the recordings of the %s; at least %d years required"
                        .formatted(shown, AvArchives.activityEn(archive), minYears),
                "%s音频视频资料保存期限为 %s 年，少于 %d 年".formatted(AvArchives.activityZh(archive), shown, minYears),
                evidence,
                List.of(archive.recordId()));
        return Optional.of(new Offence(BigDecimal.valueOf(minYears).subtract(years.get()), archive, finding));
    }
}

package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A03 {@code AV_COPIES_INSUFFICIENT}: an audio-video archive kept in fewer than {@code min-copies} (2) copies
 * ({@code COPIES}; 《交易场所监控系统和音频视频资料管理制度》第十四条: "至少一式两套备份保存"). Every archive record
 * of the section is checked; the fewest copies give the finding.
 */
final class AvCopiesRule extends SectionRule {

    private final int minCopies;

    AvCopiesRule(ArchiveProperties properties) {
        super(
                "A03",
                "AV_COPIES_INSUFFICIENT",
                properties.severity().avCopiesInsufficient(),
                AvArchives.REGULATION + "第十四条",
                Set.of(AvArchives.DATASET));
        this.minCopies = properties.minCopies();
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
        Optional<BigDecimal> copies = archive.decimal("COPIES");
        if (copies.isEmpty() || copies.get().compareTo(BigDecimal.valueOf(minCopies)) >= 0) {
            return Optional.empty();
        }
        String shown = Yuan.plain(copies.get());
        Evidence evidence = new Evidence()
                .fields(archive, "ACTIVITY_TYPE", "ARCHIVE_NO", "STORAGE_MEDIA")
                .put("COPIES", shown)
                .put("minCopies", minCopies);
        Finding finding = finding(
                AvArchives.DATASET,
                "COPIES %s for the recordings of the %s; at least %d required"
                        .formatted(shown, AvArchives.activityEn(archive), minCopies),
                "%s音频视频资料仅备份 %s 套，少于 %d 套".formatted(AvArchives.activityZh(archive), shown, minCopies),
                evidence,
                List.of(archive.recordId()));
        return Optional.of(new Offence(BigDecimal.valueOf(minCopies).subtract(copies.get()), archive, finding));
    }
}

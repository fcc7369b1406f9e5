package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A02 {@code AV_ARCHIVE_LATE}: the recordings of a trading activity archived ({@code ARCHIVE_TIME}) more than
 * {@code max-working-days} (5) working days after the activity ended ({@code ACTIVITY_TIME}), counted with the
 * holiday calendar of {@link RuleContext#workingDays()} (《交易场所监控系统和音频视频资料管理制度》第十条). Every
 * archive record of the section is checked; the longest delay gives the finding.
 */
final class AvArchiveLateRule extends SectionRule {

    private final int maxWorkingDays;

    AvArchiveLateRule(ArchiveProperties properties) {
        super(
                "A02",
                "AV_ARCHIVE_LATE",
                properties.severity().avArchiveLate(),
                AvArchives.REGULATION + "第十条",
                Set.of(AvArchives.DATASET));
        this.maxWorkingDays = properties.maxWorkingDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord archive : state.all(AvArchives.DATASET)) {
            check(archive, context).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionRecord archive, RuleContext context) {
        Optional<LocalDate> activity = archive.date("ACTIVITY_TIME");
        Optional<LocalDate> archived = archive.date("ARCHIVE_TIME");
        if (activity.isEmpty() || archived.isEmpty()) {
            return Optional.empty();
        }
        int days = context.workingDays().workingDaysBetween(activity.get(), archived.get());
        if (days <= maxWorkingDays) {
            return Optional.empty();
        }
        String from = Periods.d8(activity.get());
        String to = Periods.d8(archived.get());
        Evidence evidence = new Evidence()
                .fields(archive, "ACTIVITY_TYPE", "ACTIVITY_TIME", "ARCHIVE_TIME", "ARCHIVE_NO")
                .put("workingDays", days)
                .put("maxWorkingDays", maxWorkingDays);
        Finding finding = finding(
                AvArchives.DATASET,
                "Recordings of the %s archived %d working days after it: ACTIVITY_TIME %s, ARCHIVE_TIME %s; at most %d allowed"
                        .formatted(AvArchives.activityEn(archive), days, from, to, maxWorkingDays),
                "%s活动结束之日(%s)起 %d 个工作日才归档音频视频资料(%s)，超过 %d 个工作日"
                        .formatted(AvArchives.activityZh(archive), from, days, to, maxWorkingDays),
                evidence,
                List.of(archive.recordId()));
        return Optional.of(Offence.of(days - maxWorkingDays, archive, finding));
    }
}

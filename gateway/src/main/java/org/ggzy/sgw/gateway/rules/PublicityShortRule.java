package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P08 {@code PUBLICITY_TOO_SHORT}: a candidate publicity lasting fewer than {@code publicity-min-days} (3) calendar
 * days ({@code PUBLICITY_START_TIME} to {@code PUBLICITY_END_TIME}). 招标投标法实施条例 第五十四条 concerns
 * projects that must be tendered by law, so the rule applies when {@code IS_TO_LAW} is {@code 1} or the tender
 * project is not yet known. It needs only the publicity: the evaluation report plays no part in its period. The
 * shortest publicity gives the finding.
 */
final class PublicityShortRule extends SectionRule {

    private final int minDays;

    PublicityShortRule(ProcedureProperties properties) {
        super(
                "P08",
                "PUBLICITY_TOO_SHORT",
                properties.severity().publicityTooShort(),
                "《中华人民共和国招标投标法实施条例》第五十四条",
                Set.of(PublicityLateRule.PUBLICITY, MandatoryTender.TENDER_PROJECT));
        this.minDays = properties.publicityMinDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        if (!MandatoryTender.applies(state)) {
            return List.of();
        }
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord publicity : state.all(PublicityLateRule.PUBLICITY)) {
            check(state, publicity).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionState state, SectionRecord publicity) {
        Optional<LocalDate> start = publicity.date("PUBLICITY_START_TIME");
        Optional<LocalDate> end = publicity.date("PUBLICITY_END_TIME");
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        int days = Periods.days(start.get(), end.get());
        if (days >= minDays) {
            return Optional.empty();
        }
        String from = Periods.d8(start.get());
        String to = Periods.d8(end.get());
        Evidence evidence = new Evidence()
                .fields(publicity, "PUBLICITY_START_TIME", "PUBLICITY_END_TIME")
                .put("days", days)
                .put("minDays", minDays);
        MandatoryTender.describe(state, evidence);
        Finding finding = finding(
                publicity.dataset(),
                "Candidate publicity lasts only %d days, PUBLICITY_START_TIME %s to PUBLICITY_END_TIME %s; at least %d required"
                        .formatted(days, from, to, minDays),
                "中标候选人公示期自 %s 至 %s 仅 %d 日，少于 %d 日".formatted(from, to, days, minDays),
                evidence,
                MandatoryTender.recordIds(state, publicity));
        return Optional.of(Offence.of(minDays - days, publicity, finding));
    }
}

package org.ggzy.sgw.gateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P07 {@code PUBLICITY_TOO_LATE}: the winning candidates published ({@code PUBLICITY_START_TIME}) more than
 * {@code publicity-start-max-days} (3) calendar days after the evaluation report was received ({@code SUBMIT_TIME}).
 * 招标投标法实施条例 第五十四条 concerns projects that must be tendered by law, so the rule applies when
 * {@code IS_TO_LAW} is {@code 1} or the tender project is not yet known. Each publicity is measured from the latest
 * report submitted on or before its start day (a re-evaluation's report counts for the publicity that follows it); a
 * publicity with no report before it is not measured. The longest delay gives the finding.
 */
final class PublicityLateRule extends SectionRule {

    static final String PUBLICITY = "gcjs.candidate-publicity";

    private final int maxDays;

    PublicityLateRule(ProcedureProperties properties) {
        super(
                "P07",
                "PUBLICITY_TOO_LATE",
                properties.severity().publicityTooLate(),
                "《中华人民共和国招标投标法实施条例》第五十四条",
                Set.of(TooFewBiddersRule.EVALUATION_REPORT, PUBLICITY, MandatoryTender.TENDER_PROJECT));
        this.maxDays = properties.publicityStartMaxDays();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        if (!MandatoryTender.applies(state)) {
            return List.of();
        }
        List<SectionRecord> reports = state.all(TooFewBiddersRule.EVALUATION_REPORT);
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord publicity : state.all(PUBLICITY)) {
            check(state, reports, publicity).ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionState state, List<SectionRecord> reports, SectionRecord publicity) {
        Optional<LocalDate> start = publicity.date("PUBLICITY_START_TIME");
        Optional<SectionRecord> report = start.flatMap(day -> Chronology.latestOnOrBefore(reports, "SUBMIT_TIME", day));
        if (report.isEmpty()) {
            return Optional.empty();
        }
        LocalDate submitted = report.get().date("SUBMIT_TIME").orElseThrow();
        int days = Periods.days(submitted, start.get());
        if (days <= maxDays) {
            return Optional.empty();
        }
        String from = Periods.d8(submitted);
        String to = Periods.d8(start.get());
        Evidence evidence = new Evidence()
                .fields(report.get(), "SUBMIT_TIME")
                .fields(publicity, "PUBLICITY_START_TIME")
                .put("days", days)
                .put("maxDays", maxDays);
        MandatoryTender.describe(state, evidence);
        Finding finding = finding(
                PUBLICITY,
                "Candidates published %d days after the evaluation report: SUBMIT_TIME %s, PUBLICITY_START_TIME %s; at most %d allowed"
                        .formatted(days, from, to, maxDays),
                "自收到评标报告之日(%s)起 %d 日才公示中标候选人(%s)，超过 %d 日".formatted(from, days, to, maxDays),
                evidence,
                MandatoryTender.recordIds(state, publicity, report.get()));
        return Optional.of(Offence.of(days - maxDays, publicity, finding));
    }
}

package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * P06 {@code COMMITTEE_INVALID}: the section has an evaluation report and its evaluation committee
 * ({@code gcjs.evaluation-expert}) has fewer than {@code min-experts} (5) members or an even number of them.
 * Members are counted once each, by {@code ID_CARD}. 招标投标法 第三十七条 sets "五人以上单数" for projects that
 * must be tendered by law, so the rule applies when {@code IS_TO_LAW} is {@code 1} or the tender project is not yet
 * known. Nothing is found while no committee member is known. The finding is about the evaluation report (the latest
 * by {@code SUBMIT_TIME}); its evidence carries counts, not the members' personal data.
 */
final class CommitteeRule extends SectionRule {

    static final String EXPERT = "gcjs.evaluation-expert";

    private final int minMembers;

    CommitteeRule(ProcedureProperties properties) {
        super(
                "P06",
                "COMMITTEE_INVALID",
                properties.severity().committeeInvalid(),
                "《中华人民共和国招标投标法》第三十七条",
                Set.of(TooFewBiddersRule.EVALUATION_REPORT, EXPERT, MandatoryTender.TENDER_PROJECT));
        this.minMembers = properties.minExperts();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        Optional<SectionRecord> report =
                Chronology.latest(state.all(TooFewBiddersRule.EVALUATION_REPORT), "SUBMIT_TIME");
        Map<String, List<SectionRecord>> members = state.all(EXPERT).stream()
                .collect(Collectors.groupingBy(CommitteeRule::member, TreeMap::new, Collectors.toList()));
        int count = members.size();
        if (report.isEmpty()
                || count == 0
                || (count >= minMembers && count % 2 == 1)
                || !MandatoryTender.applies(state)) {
            return List.of();
        }
        return List.of(finding(state, report.get(), members));
    }

    private Finding finding(SectionState state, SectionRecord report, Map<String, List<SectionRecord>> members) {
        int count = members.size();
        int chairs = (int) members.values().stream()
                .filter(records -> records.stream().anyMatch(r -> "1".equals(r.text("IS_CHAIR_MAN"))))
                .count();
        Evidence evidence = new Evidence()
                .fields(report, "SUBMIT_TIME")
                .put("members", count)
                .put("chairs", chairs)
                .put("minMembers", minMembers)
                .put("oddRequired", true);
        MandatoryTender.describe(state, evidence);
        List<String> ids = new ArrayList<>(MandatoryTender.recordIds(state, report));
        members.values().stream()
                .flatMap(List::stream)
                .map(SectionRecord::recordId)
                .sorted()
                .forEach(ids::add);
        return finding(
                TooFewBiddersRule.EVALUATION_REPORT,
                "Evaluation committee has %d members; it needs an odd number of at least %d"
                        .formatted(count, minMembers),
                "评标委员会成员为 %d 人，不符合 %d 人以上单数的要求".formatted(count, minMembers),
                evidence,
                ids);
    }

    private static String member(SectionRecord expert) {
        String idCard = expert.text("ID_CARD");
        return idCard == null ? "record:" + expert.dataKey() : idCard.toUpperCase(Locale.ROOT);
    }
}

package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * P05 {@code TOO_FEW_BIDDERS}: the section has an evaluation report but fewer than {@code min-bidders} (3) distinct
 * bidders ({@link Bidders}: by {@code BIDDER_ORG_CODE}, a consortium counting once). 招标投标法 第二十八条: with fewer
 * than three bidders the tender must be repeated, not evaluated. Nothing is found while no bidder record is known:
 * a missing bidder list is {@code STAGE_MISSING}'s business, and a list arriving after the report re-runs the rule.
 * The finding is about the evaluation report (the latest by {@code SUBMIT_TIME}).
 */
final class TooFewBiddersRule extends SectionRule {

    static final String EVALUATION_REPORT = "gcjs.evaluation-report";

    private final int minBidders;

    TooFewBiddersRule(ProcedureProperties properties) {
        super(
                "P05",
                "TOO_FEW_BIDDERS",
                properties.severity().tooFewBidders(),
                "《中华人民共和国招标投标法》第二十八条",
                Set.of(EVALUATION_REPORT, Bidders.DATASET));
        this.minBidders = properties.minBidders();
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        Optional<SectionRecord> report = Chronology.latest(state.all(EVALUATION_REPORT), "SUBMIT_TIME");
        Map<String, List<SectionRecord>> bidders = Bidders.byBidder(state);
        if (report.isEmpty() || bidders.isEmpty() || bidders.size() >= minBidders) {
            return List.of();
        }
        int count = bidders.size();
        Evidence evidence = new Evidence()
                .fields(report.get(), "SUBMIT_TIME")
                .put("BIDDER_ORG_CODE", List.copyOf(bidders.keySet()))
                .put("distinctBidders", count)
                .put("minBidders", minBidders);
        List<String> ids = new ArrayList<>(List.of(report.get().recordId()));
        bidders.values().stream()
                .flatMap(List::stream)
                .map(SectionRecord::recordId)
                .sorted()
                .forEach(ids::add);
        return List.of(finding(
                EVALUATION_REPORT,
                "Evaluation report submitted with only %d distinct bidders (BIDDER_ORG_CODE %s); at least %d required"
                        .formatted(count, String.join(", ", bidders.keySet()), minBidders),
                "投标人仅 %d 个(%s)，少于 %d 个，应当依法重新招标而不得评标".formatted(count, String.join("、", bidders.keySet()), minBidders),
                evidence,
                ids));
    }
}

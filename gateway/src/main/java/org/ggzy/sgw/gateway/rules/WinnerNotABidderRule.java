package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * P10 {@code WINNER_NOT_A_BIDDER}: a win result whose winner ({@code WIN_BIDDER_CODE}, a consortium's members
 * separated by {@code ;}) is none of the section's bidders: no bidder's {@code BIDDER_ORG_CODE} or consortium
 * members ({@code UNION_ORGAN_SET_CODE}) include any of the winner's codes. An authenticity (真实性) check of the
 * pushed data. Nothing is found before the first bidder record of the section is known.
 */
final class WinnerNotABidderRule extends SectionRule {

    static final String WIN_RESULT = "gcjs.win-result";

    WinnerNotABidderRule(ProcedureProperties properties) {
        super(
                "P10",
                "WINNER_NOT_A_BIDDER",
                properties.severity().winnerNotABidder(),
                Authenticity.BASIS,
                Set.of(WIN_RESULT, Bidders.DATASET));
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        Map<String, List<SectionRecord>> bidders = Bidders.byBidder(state);
        if (bidders.isEmpty()) {
            return List.of();
        }
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord result : state.all(WIN_RESULT)) {
            List<String> winner = result.codes("WIN_BIDDER_CODE");
            if (!winner.isEmpty() && Bidders.find(state, winner).isEmpty()) {
                offences.add(Offence.of(1, result, finding(result, bidders)));
            }
        }
        return Offence.worst(offences);
    }

    private Finding finding(SectionRecord result, Map<String, List<SectionRecord>> bidders) {
        String code = result.text("WIN_BIDDER_CODE");
        String name = result.text("WIN_BIDDER_NAME");
        Evidence evidence = new Evidence()
                .fields(result, "WIN_BIDDER_CODE", "WIN_BIDDER_NAME")
                .put("BIDDER_ORG_CODE", List.copyOf(bidders.keySet()))
                .put("distinctBidders", bidders.size());
        List<String> ids = new ArrayList<>(List.of(result.recordId()));
        bidders.values().stream()
                .flatMap(List::stream)
                .map(SectionRecord::recordId)
                .sorted()
                .forEach(ids::add);
        return finding(
                WIN_RESULT,
                "Winner %s (%s) is not among the %d bidders of the section (BIDDER_ORG_CODE %s)"
                        .formatted(code, name, bidders.size(), String.join(", ", bidders.keySet())),
                "中标人%s(%s)不在本标段的 %d 个投标人(%s)之中"
                        .formatted(name, code, bidders.size(), String.join("、", bidders.keySet())),
                evidence,
                ids);
    }
}

package org.ggzy.sgw.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * P12 {@code WINNER_NOT_FIRST_CANDIDATE}: a win result whose winner ({@code WIN_BIDDER_CODE}) is not the first
 * candidate ({@code FIRST_BIDDER_CODE}) of the publicity it follows (the latest publicity started on or before the
 * result's {@code NOTICE_SEND_TIME}). 招标投标法实施条例 第五十五条 concerns projects that must be tendered by law, so
 * the rule applies when {@code IS_TO_LAW} is {@code 1} or the tender project is not yet known; a first candidate may
 * lawfully decline, hence the mild default severity. Nothing is found before the publicity is known or when it names
 * no first candidate.
 */
final class FirstCandidateRule extends SectionRule {

    FirstCandidateRule(ProcedureProperties properties) {
        super(
                "P12",
                "WINNER_NOT_FIRST_CANDIDATE",
                properties.severity().winnerNotFirstCandidate(),
                "《中华人民共和国招标投标法实施条例》第五十五条",
                Set.of(WinnerNotABidderRule.WIN_RESULT, PublicityLateRule.PUBLICITY, MandatoryTender.TENDER_PROJECT));
    }

    @Override
    public List<Finding> evaluate(SectionState state, RuleContext context) {
        if (!MandatoryTender.applies(state)) {
            return List.of();
        }
        List<Offence> offences = new ArrayList<>();
        for (SectionRecord result : state.all(WinnerNotABidderRule.WIN_RESULT)) {
            Candidate.publicityOf(state, result)
                    .flatMap(publicity -> check(state, result, publicity))
                    .ifPresent(offences::add);
        }
        return Offence.worst(offences);
    }

    private Optional<Offence> check(SectionState state, SectionRecord result, SectionRecord publicity) {
        List<String> winner = result.codes("WIN_BIDDER_CODE");
        List<String> first = publicity.codes("FIRST_BIDDER_CODE");
        if (winner.isEmpty() || first.isEmpty() || winner.contains(first.get(0))) {
            return Optional.empty();
        }
        Optional<Candidate> rank = Candidate.winner(publicity, winner);
        Evidence evidence = new Evidence()
                .fields(result, "WIN_BIDDER_CODE", "WIN_BIDDER_NAME")
                .fields(publicity, "FIRST_BIDDER_CODE", "FIRST_BIDDER_NAME", "PUBLICITY_START_TIME")
                .put("winnerRank", rank.map(Candidate::rank).orElse(null));
        MandatoryTender.describe(state, evidence);
        String winnerLabel = label(result.text("WIN_BIDDER_NAME"), result.text("WIN_BIDDER_CODE"));
        String firstLabel = label(publicity.text("FIRST_BIDDER_NAME"), publicity.text("FIRST_BIDDER_CODE"));
        String rankEn = rank.map(c -> "candidate no. " + c.rank()).orElse("not a published candidate");
        String rankZh =
                rank.map(c -> "排名第" + "一二三".charAt(c.rank() - 1) + "的中标候选人").orElse("非公示的中标候选人");
        Finding finding = finding(
                WinnerNotABidderRule.WIN_RESULT,
                "Winner %s is not the first candidate %s of the publicity but %s"
                        .formatted(winnerLabel, firstLabel, rankEn),
                "中标人%s不是公示的排名第一的中标候选人%s，而是%s".formatted(winnerLabel, firstLabel, rankZh),
                evidence,
                MandatoryTender.recordIds(state, result, publicity));
        return Optional.of(Offence.of(1, result, finding));
    }

    private static String label(String name, String code) {
        return name == null ? code : name + "(" + code + ")";
    }
}

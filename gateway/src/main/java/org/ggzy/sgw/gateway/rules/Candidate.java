package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A winning candidate of a publicity ({@code gcjs.candidate-publicity}): first, second and third, each with its
 * code ({@code FIRST_BIDDER_CODE}, ...) and, when given, its price ({@code FIRST_BIDDER_PRICE}, ... in the
 * publicity's {@code PRICE_UNIT}).
 *
 * @param rank 1, 2 or 3
 * @param prefix the field prefix: {@code FIRST}, {@code SECOND} or {@code THIRD}
 * @param code the candidate's code, upper-cased
 * @param priceYuan the candidate's price in yuan, when given
 */
record Candidate(int rank, String prefix, String code, Optional<BigDecimal> priceYuan) {

    private static final List<String> PREFIXES = List.of("FIRST", "SECOND", "THIRD");

    /** The candidates the publicity names, in rank order. */
    static List<Candidate> of(SectionRecord publicity) {
        return PREFIXES.stream()
                .filter(prefix -> !publicity.codes(prefix + "_BIDDER_CODE").isEmpty())
                .map(prefix -> new Candidate(
                        PREFIXES.indexOf(prefix) + 1,
                        prefix,
                        publicity.codes(prefix + "_BIDDER_CODE").get(0),
                        Yuan.of(publicity, prefix + "_BIDDER_PRICE", "PRICE_UNIT")))
                .toList();
    }

    /** The candidate among the winner's codes, if any. */
    static Optional<Candidate> winner(SectionRecord publicity, Collection<String> winnerCodes) {
        return of(publicity).stream()
                .filter(c -> winnerCodes.contains(c.code()))
                .findFirst();
    }

    /** The publicity a win result follows: the latest one started on or before the result was published. */
    static Optional<SectionRecord> publicityOf(SectionState state, SectionRecord winResult) {
        return winResult
                .date("NOTICE_SEND_TIME")
                .flatMap(day -> Chronology.latestOnOrBefore(
                        state.all(PublicityLateRule.PUBLICITY), "PUBLICITY_START_TIME", day));
    }
}

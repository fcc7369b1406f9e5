package org.ggzy.sgw.gateway.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bidders of a section ({@code gcjs.bidder}). A bidder is identified by its {@code BIDDER_ORG_CODE}: a consortium
 * record may list several codes there, and counts as one bidder; two records with the same codes (in any order) are
 * the same bidder.
 */
final class Bidders {

    static final String DATASET = "gcjs.bidder";

    private Bidders() {}

    /** The bidder's identity: its codes, sorted and joined by {@code ;}; empty when the record has none. */
    static String key(SectionRecord bidder) {
        return bidder.codes("BIDDER_ORG_CODE").stream().sorted().distinct().collect(Collectors.joining(";"));
    }

    /** The bidder records of the section by bidder, in the order of their keys. */
    static Map<String, List<SectionRecord>> byBidder(SectionState state) {
        return state.all(DATASET).stream()
                .filter(r -> !key(r).isEmpty())
                .collect(Collectors.groupingBy(Bidders::key, TreeMap::new, Collectors.toList()));
    }

    /**
     * The bidder record of a winner: one whose {@code BIDDER_ORG_CODE} or consortium members
     * ({@code UNION_ORGAN_SET_CODE}) include one of the winner's codes. With several, the first by bidder key, then
     * {@code DATA_KEY}.
     */
    static Optional<SectionRecord> find(SectionState state, Collection<String> winnerCodes) {
        return byBidder(state).values().stream()
                .flatMap(records -> records.stream().sorted(Chronology.by("CHECKIN_TIME")))
                .filter(bidder -> Stream.concat(
                                bidder.codes("BIDDER_ORG_CODE").stream(), bidder.codes("UNION_ORGAN_SET_CODE").stream())
                        .anyMatch(winnerCodes::contains))
                .findFirst();
    }
}

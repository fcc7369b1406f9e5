package org.ggzy.sgw.gateway.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the collusion red flags (围标串标) share: their legal basis, 招标投标法实施条例 第四十条 (circumstances in
 * which bidders are deemed to collude), and the grouping of a section's bidders by a value they should not share.
 */
final class Collusion {

    static final String ARTICLE_40 = "《中华人民共和国招标投标法实施条例》第四十条";

    private Collusion() {}

    /**
     * The values shared by at least two different bidders, each with the sorted bidder codes that share it, in the
     * order of the values.
     *
     * @param records the records to group
     * @param bidder the bidder a record belongs to
     * @param values the values of a record (none to leave it out)
     */
    static Map<String, Set<String>> shared(
            Collection<SectionRecord> records,
            Function<SectionRecord, String> bidder,
            Function<SectionRecord, Collection<String>> values) {
        Map<String, Set<String>> byValue = new TreeMap<>();
        for (SectionRecord record : records) {
            String who = bidder.apply(record);
            if (!who.isEmpty()) {
                values.apply(record).forEach(v -> byValue.computeIfAbsent(v, k -> new TreeSet<>())
                        .add(who));
            }
        }
        byValue.values().removeIf(bidders -> bidders.size() < 2);
        return byValue;
    }

    /** The ids of the records of the given bidders, sorted. */
    static List<String> recordIds(
            Collection<SectionRecord> records, Function<SectionRecord, String> bidder, Set<String> bidders) {
        return records.stream()
                .filter(r -> bidders.contains(bidder.apply(r)))
                .map(SectionRecord::recordId)
                .sorted()
                .toList();
    }

    /** The bidders of all groups, sorted. */
    static Set<String> bidders(Map<String, Set<String>> groups) {
        return groups.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }
}

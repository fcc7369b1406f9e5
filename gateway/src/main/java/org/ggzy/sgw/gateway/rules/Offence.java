package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One offending record and the finding it would raise. A section gets at most one finding per rule (the fingerprint
 * is rule + subject, the discriminator empty), so when several records of a section offend, the worst one (largest
 * {@code badness}: the longest delay, the shortest period, the highest bond) gives the finding, and its evidence
 * says how many records offend ({@code offendingRecords}, only when more than one does). Ties go to the record
 * whose data set, platform, {@code DATA_KEY} and record id sort first, so the choice never depends on the order in
 * which records arrived.
 *
 * @param badness how far the record is from compliance, in the rule's unit
 * @param record the offending record
 * @param finding the finding it raises
 */
record Offence(BigDecimal badness, SectionRecord record, Finding finding) {

    private static final Comparator<Offence> WORST_FIRST = Comparator.comparing(Offence::badness)
            .reversed()
            .thenComparing(o -> o.record().dataset())
            .thenComparing(o -> o.record().platformCode())
            .thenComparing(o -> o.record().dataKey())
            .thenComparing(o -> o.record().recordId());

    static Offence of(long badness, SectionRecord record, Finding finding) {
        return new Offence(BigDecimal.valueOf(badness), record, finding);
    }

    /** The finding of the worst offence, or nothing when there is none. */
    static List<Finding> worst(Collection<Offence> offences) {
        if (offences.isEmpty()) {
            return List.of();
        }
        Finding worst = offences.stream().min(WORST_FIRST).orElseThrow().finding();
        if (offences.size() == 1) {
            return List.of(worst);
        }
        Map<String, Object> evidence = new LinkedHashMap<>(worst.evidence());
        evidence.put("offendingRecords", offences.size());
        return List.of(new Finding(
                worst.rule(),
                worst.severity(),
                worst.dataset(),
                worst.discriminator(),
                worst.message(),
                worst.messageZh(),
                worst.legalBasis(),
                evidence,
                worst.recordIds(),
                worst.dueAt()));
    }
}

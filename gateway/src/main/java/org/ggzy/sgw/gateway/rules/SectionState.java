package org.ggzy.sgw.gateway.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What is known about one bid section (or purchase section) at the moment a rule runs: the current version of every
 * record of the section, and of its project's project-level records (e.g. {@code gcjs.tender-project}). Records
 * arrive in any order; rules look only at this state, never at the order of arrival.
 *
 * @param tradeType {@code gcjs} or {@code zfcg}
 * @param projectCode {@code TENDER_PROJECT_CODE} or {@code PURCHASE_PROJECT_CODE}
 * @param sectionCode {@code BID_SECTION_CODE} or {@code PURCHASE_SECTION_CODE}
 * @param records the current versions, section-level and project-level
 */
public record SectionState(String tradeType, String projectCode, String sectionCode, List<SectionRecord> records) {

    public SectionState {
        records = List.copyOf(records);
    }

    /** Every current record of a data set. */
    public List<SectionRecord> all(String dataset) {
        return records.stream().filter(r -> r.dataset().equals(dataset)).toList();
    }

    /** The most recently received record of a data set (for data sets with one record per section). */
    public Optional<SectionRecord> latest(String dataset) {
        return records.stream()
                .filter(r -> r.dataset().equals(dataset))
                .max(Comparator.comparing(SectionRecord::receivedAt).thenComparing(SectionRecord::recordId));
    }

    public boolean has(String dataset) {
        return records.stream().anyMatch(r -> r.dataset().equals(dataset));
    }
}

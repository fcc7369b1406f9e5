package org.ggzy.sgw.gateway.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tender notices of a section that are in force. A change notice (变更公告, {@code NOTICE_NATURE} 2) restates
 * the dates of the notice it changes, so of the notices of one kind ({@code BULLETIN_TYPE}: tender or
 * prequalification notice) only the most recently published one counts: an original notice whose too-short period a
 * change notice extended in time no longer offends. "Most recent" is by {@code NOTICE_SEND_TIME} (see
 * {@link Chronology}): by content, never by arrival.
 */
final class TenderNotices {

    static final String DATASET = "gcjs.tender-notice";

    private TenderNotices() {}

    /** The notice in force for each {@code BULLETIN_TYPE}. */
    static List<SectionRecord> inForce(SectionState state) {
        Map<String, List<SectionRecord>> byType = state.all(DATASET).stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.text("BULLETIN_TYPE"))));
        return byType.values().stream()
                .map(notices -> Chronology.latest(notices, "NOTICE_SEND_TIME").orElseThrow())
                .sorted(Chronology.by("NOTICE_SEND_TIME"))
                .toList();
    }
}

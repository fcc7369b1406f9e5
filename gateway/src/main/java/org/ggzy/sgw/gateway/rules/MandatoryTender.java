package org.ggzy.sgw.gateway.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a section belongs to a project that must be tendered by law (依法必须招标, {@code IS_TO_LAW} of
 * {@code gcjs.tender-project}). rules.md: a rule that needs it applies when the tender project says {@code 1} or is
 * not yet known; with several tender-project records (not expected), it applies unless all of them say {@code 0}.
 */
final class MandatoryTender {

    static final String TENDER_PROJECT = "gcjs.tender-project";

    private MandatoryTender() {}

    static boolean applies(SectionState state) {
        List<SectionRecord> projects = state.all(TENDER_PROJECT);
        return projects.isEmpty() || projects.stream().anyMatch(p -> !"0".equals(p.text("IS_TO_LAW")));
    }

    /** Adds {@code IS_TO_LAW} ({@code "unknown"} before the tender project arrives) to the evidence. */
    static void describe(SectionState state, Evidence evidence) {
        evidence.put(
                "IS_TO_LAW",
                state.all(TENDER_PROJECT).stream()
                        .map(p -> p.text("IS_TO_LAW"))
                        .filter(v -> v != null)
                        .max(Comparator.naturalOrder())
                        .orElse("unknown"));
    }

    /** The ids of the records, then those of the tender-project records the decision to apply the rule rests on. */
    static List<String> recordIds(SectionState state, SectionRecord... records) {
        return Stream.concat(
                        Arrays.stream(records).map(SectionRecord::recordId),
                        state.all(TENDER_PROJECT).stream()
                                .map(SectionRecord::recordId)
                                .sorted())
                .toList();
    }
}

package org.ggzy.sgw.gateway.regulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ggzy.sgw.gateway.regulator.ProjectData.ExpectationRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.SectionRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.VersionRow;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.warning.Warning;

/**
 * Builds the project view for one caller. A section is visible when the caller sees its region and trade type; the
 * project's own rows are visible with any visible section (or with the project row itself). A warning shows when its
 * section is visible and the caller sees the warning itself (as {@code GET /api/v1/warnings/{id}} would).
 */
final class ProjectAssembler {

    private ProjectAssembler() {}

    /**
     * The codes of the sections (of one trade type) the caller sees, {@code ""} (the project itself) among them when
     * any is visible. A section whose region is not known yet counts as in its project's region, else in the region
     * of the platform that pushed for it: the region its warnings carry.
     */
    static Set<String> visibleSections(List<SectionRow> sections, Scope scope) {
        String projectRegion = sections.stream()
                .filter(s -> s.sectionCode().isEmpty())
                .map(SectionRow::regionCode)
                .findFirst()
                .orElse("");
        Set<String> visible = sections.stream()
                .filter(s -> scope.sees(effectiveRegion(s, projectRegion), s.tradeType()))
                .map(SectionRow::sectionCode)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!visible.isEmpty()) {
            visible.add("");
        }
        return visible;
    }

    static String effectiveRegion(SectionRow s, String projectRegion) {
        if (!s.regionCode().isEmpty()) {
            return s.regionCode();
        }
        return projectRegion.isEmpty() ? s.platformRegion() : projectRegion;
    }

    static ProjectView view(ProjectData data, Scope scope, Instant now) {
        Set<String> visible = visibleSections(data.sections(), scope);
        Map<String, List<ProjectView.RecordItem>> records = records(visibleVersions(data, visible));
        Map<String, List<ProjectView.ExpectationItem>> expectations = new LinkedHashMap<>();
        data.expectations().stream()
                .filter(e -> visible.contains(e.sectionCode()))
                .forEach(e -> expectations
                        .computeIfAbsent(e.sectionCode(), k -> new ArrayList<>())
                        .add(expectation(e, now)));
        Map<String, List<Warning>> warnings = warnings(data.warnings(), visible, scope);
        List<ProjectView.Section> sections = data.sections().stream()
                .filter(s -> !s.sectionCode().isEmpty() && visible.contains(s.sectionCode()))
                .map(s -> new ProjectView.Section(
                        s.sectionCode(),
                        nullIfEmpty(s.regionCode()),
                        records.getOrDefault(s.sectionCode(), List.of()),
                        expectations.getOrDefault(s.sectionCode(), List.of()),
                        warnings.getOrDefault(s.sectionCode(), List.of())))
                .toList();
        return new ProjectView(
                data.project(),
                data.tradeType(),
                region(data, visible),
                sections,
                records.getOrDefault("", List.of()),
                expectations.getOrDefault("", List.of()),
                warnings.getOrDefault("", List.of()));
    }

    /** The warnings by section code that the caller sees. */
    private static Map<String, List<Warning>> warnings(List<Warning> all, Set<String> visible, Scope scope) {
        Map<String, List<Warning>> warnings = new LinkedHashMap<>();
        for (Warning w : all) {
            String section = w.bidSectionCode() == null ? "" : w.bidSectionCode();
            if (visible.contains(section) && scope.sees(w.regionCode(), w.tradeType())) {
                warnings.computeIfAbsent(section, k -> new ArrayList<>()).add(w);
            }
        }
        return warnings;
    }

    /** The versions of the records of the visible sections, in the order of {@link ProjectRepository#versions}. */
    static List<VersionRow> visibleVersions(ProjectData data, Set<String> visible) {
        return data.versions().stream()
                .filter(v -> visible.contains(v.sectionCode()))
                .toList();
    }

    private static Map<String, List<ProjectView.RecordItem>> records(List<VersionRow> versions) {
        Map<String, Map<String, List<VersionRow>>> bySection = new LinkedHashMap<>();
        for (VersionRow v : versions) {
            String key = v.platformCode() + '\n' + v.dataset() + '\n' + v.dataKey();
            bySection
                    .computeIfAbsent(v.sectionCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(v);
        }
        Map<String, List<ProjectView.RecordItem>> records = new LinkedHashMap<>();
        bySection.forEach((section, byRecord) -> records.put(
                section,
                byRecord.values().stream().map(ProjectAssembler::record).toList()));
        return records;
    }

    private static ProjectView.RecordItem record(List<VersionRow> versions) {
        VersionRow first = versions.get(0);
        VersionRow current = versions.stream()
                .filter(v -> v.recordId().equals(v.currentId()))
                .findFirst()
                .orElse(first);
        return new ProjectView.RecordItem(
                first.dataset(),
                first.dataKey(),
                first.platformCode(),
                current.recordId(),
                current.version(),
                Times.format(current.receivedAt()),
                versions.stream()
                        .map(v -> new ProjectView.Version(
                                v.recordId(),
                                v.receiptId(),
                                v.version(),
                                v.status(),
                                Times.format(v.dataTimestamp()),
                                Times.format(v.receivedAt()),
                                v.digest()))
                        .toList());
    }

    static ProjectView.ExpectationItem expectation(ExpectationRow e, Instant now) {
        boolean waiting = "OPEN".equals(e.status()) || "BREACHED".equals(e.status());
        return new ProjectView.ExpectationItem(
                e.id(),
                e.rule(),
                e.dataset(),
                e.discriminator(),
                e.createdByDataset(),
                e.createdBy(),
                e.platformCode(),
                Times.format(e.dueAt()),
                e.status(),
                e.metBy(),
                Times.format(e.metAt()),
                e.warningId(),
                e.legalBasis(),
                waiting && e.dueAt().isBefore(now));
    }

    /** The project row's region when it is known and visible, else the first visible section's. */
    private static String region(ProjectData data, Set<String> visible) {
        return data.sections().stream()
                .filter(s ->
                        visible.contains(s.sectionCode()) && !s.regionCode().isEmpty())
                .map(SectionRow::regionCode)
                .findFirst()
                .orElse(null);
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

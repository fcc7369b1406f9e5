package org.ggzy.sgw.gateway.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ggzy.sgw.schemas.Dataset;

/**
 * What a record is about, from the catalogue's subject fields: its project, and the sections it belongs to (one
 * section field, or a list separated by {@code ;} as in {@code BID_SECTION_CODES}); a record with neither belongs to
 * its project only.
 */
public final class Subjects {

    private Subjects() {}

    /** The sections of a record; a single project-level key when it names no section; empty without a project. */
    public static List<SectionKey> of(Dataset dataset, JsonNode record) {
        Dataset.Subject subject = dataset.subject();
        String project = subject.project() == null ? null : text(record, subject.project());
        if (project == null) {
            return List.of();
        }
        Set<String> sections = new LinkedHashSet<>();
        if (subject.section() != null) {
            addAll(sections, text(record, subject.section()));
        }
        if (subject.sections() != null) {
            addAll(sections, text(record, subject.sections()));
        }
        List<SectionKey> keys = new ArrayList<>();
        if (sections.isEmpty()) {
            keys.add(new SectionKey(dataset.tradeType(), project, ""));
        }
        sections.forEach(s -> keys.add(new SectionKey(dataset.tradeType(), project, s)));
        return keys;
    }

    /** The region code the record names, if its data set has a region field. */
    public static String region(Dataset dataset, JsonNode record) {
        return dataset.subject().region() == null
                ? null
                : text(record, dataset.subject().region());
    }

    private static void addAll(Set<String> sections, String codes) {
        if (codes == null) {
            return;
        }
        for (String code : codes.split("[;；,，]")) {
            if (!code.isBlank()) {
                sections.add(code.strip());
            }
        }
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }
}

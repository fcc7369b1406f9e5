package org.ggzy.sgw.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.SpecTime;

/**
 * The lifecycle scenarios of {@code contracts/scenarios/} (a tender from the investment project to the contract, a
 * failed tender, a government purchase), turned into {@link Template}s: every code that names a project, section or
 * transaction and every {@code DATA_KEY} gets the lifecycle's unique digits, the platform code becomes the pushing
 * platform's, and every time of the specification ({@code ts14}, {@code d8}) becomes a hole that {@link Feed} fills
 * with the scenario's time moved to the present (all times of a lifecycle by the same amount, so every statutory
 * period and every relation between records stays as the scenario has it).
 */
final class Lifecycles {

    static final List<String> SCENARIOS =
            List.of("gcjs-tender-to-contract", "gcjs-failed-tender", "zfcg-purchase-to-contract");

    /** Data sets a platform is registered for besides those of the scenarios (as the gateway's tests do). */
    static final List<String> EXTRA_DATASETS = List.of("gcjs.tender-exception", "gcjs.complaint");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d{1,10})$");

    /** Digits of {@link Template#UNIQUE}: a code's last ten digits are replaced by them. */
    static final int UNIQUE_DIGITS = 10;

    /** One scenario: its steps in order, and the time of its first step (what the shift is counted from). */
    record Scenario(String name, Instant firstAt, List<Step> steps) {}

    /**
     * One record of a scenario: its data set, the template of the valid record, templates of invalid variants (a
     * required field removed), and the times of its holes {@code ~~D<i>~~} ({@code dateOnly}: a {@code d8} value).
     */
    record Step(
            String dataset,
            Template valid,
            List<Template> invalid,
            List<String> removable,
            LocalDateTime[] times,
            boolean[] dateOnly) {}

    private Lifecycles() {}

    static List<Scenario> load(Catalog catalog) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : SCENARIOS) {
            scenarios.add(load(catalog, name));
        }
        return List.copyOf(scenarios);
    }

    /** Every data set the scenarios push, plus {@link #EXTRA_DATASETS}. */
    static List<String> datasets(List<Scenario> scenarios) {
        Set<String> all = new LinkedHashSet<>();
        scenarios.forEach(s -> s.steps().forEach(step -> all.add(step.dataset())));
        all.addAll(EXTRA_DATASETS);
        return List.copyOf(all);
    }

    static JsonNode file(String name) {
        String resource = "sgw/contracts/scenarios/" + name + ".json";
        try (InputStream in = Lifecycles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scenario missing from the class path: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static Scenario load(Catalog catalog, String name) {
        JsonNode file = file(name);
        if (file.toString().contains("~~")) {
            throw new IllegalStateException("scenario " + name + " contains '~~', the generator's hole marker");
        }
        Map<String, String> replacements = replacements(file);
        List<Step> steps = new ArrayList<>();
        Instant firstAt = null;
        for (JsonNode s : file.get("steps")) {
            Instant at = OffsetDateTime.parse(s.get("at").asText()).toInstant();
            firstAt = firstAt == null || at.isBefore(firstAt) ? at : firstAt;
            String datasetId = s.get("dataset").asText();
            Dataset dataset = catalog.find(datasetId)
                    .orElseThrow(
                            () -> new IllegalStateException("scenario " + name + ": unknown data set " + datasetId));
            steps.add(step(dataset, (ObjectNode) s.get("record"), replacements));
        }
        return new Scenario(name, firstAt, List.copyOf(steps));
    }

    /**
     * What becomes unique per lifecycle, longest first: the project code of the scenario (section codes start with
     * it), the {@code PROJECT_CODE}s and unified deal codes (last ten digits replaced), every {@code DATA_KEY} (the
     * digits appended), and the platform code.
     */
    private static Map<String, String> replacements(JsonNode file) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(file.get("platformCode").asText(), Template.PLATFORM);
        map.put(
                file.get("tenderProjectCode").asText(),
                withUnique(file.get("tenderProjectCode").asText()));
        for (JsonNode s : file.get("steps")) {
            JsonNode record = s.get("record");
            String projectCode = record.path("PROJECT_CODE").asText("");
            if (!projectCode.isEmpty()) {
                map.put(projectCode, withUnique(projectCode));
            }
            for (String field : List.of("UNIFIED_DEAL_CODE", "UNIFIED_DEAL_CODES")) {
                for (String code : record.path(field).asText("").split("[;,]")) {
                    if (!code.isBlank()) {
                        map.put(code.strip(), withUnique(code.strip()));
                    }
                }
            }
            map.put(record.get("DATA_KEY").asText(), record.get("DATA_KEY").asText() + "-" + Template.UNIQUE);
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Comparator.comparingInt(
                        (Map.Entry<String, String> e) -> e.getKey().length())
                .reversed());
        Map<String, String> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The code with its trailing digits (at most ten) replaced by the unique hole. */
    static String withUnique(String code) {
        Matcher m = TRAILING_DIGITS.matcher(code);
        if (!m.find()) {
            throw new IllegalStateException("code without trailing digits: " + code);
        }
        String kept = code.substring(0, m.start(1));
        // keep the code's length when it had ten digits or more to give; a shorter run grows to ten digits
        return kept + Template.UNIQUE;
    }

    private static Step step(Dataset dataset, ObjectNode original, Map<String, String> replacements) {
        ObjectNode record = original.deepCopy();
        List<LocalDateTime> times = new ArrayList<>();
        List<Boolean> dateOnly = new ArrayList<>();
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            if (!e.getValue().isTextual()) {
                continue;
            }
            String field = e.getKey();
            String value = e.getValue().asText();
            String format = dataset.field(field).map(Dataset.Field::format).orElse(null);
            if (field.equals("DATA_TIMESTAMP")) {
                changed.put(field, Template.TIMESTAMP);
            } else if (isTime(format)
                    && SpecTime.parse(value).isPresent()
                    && (value.length() == 14 || value.length() == 8)) {
                changed.put(field, Template.date(times.size()));
                times.add(SpecTime.parse(value).orElseThrow());
                dateOnly.add(value.length() == 8);
            } else {
                String replaced = value;
                for (Map.Entry<String, String> r : replacements.entrySet()) {
                    replaced = replaced.replace(r.getKey(), r.getValue());
                }
                if (!replaced.equals(value)) {
                    changed.put(field, replaced);
                }
            }
        }
        changed.forEach(record::put);
        List<String> removable = new ArrayList<>();
        record.fieldNames().forEachRemaining(f -> {
            boolean required = dataset.field(f).map(Dataset.Field::required).orElse(false);
            if (required && !f.equals("DATA_KEY")) {
                removable.add(f);
            }
        });
        List<Template> invalid = new ArrayList<>();
        for (String f : removable) {
            ObjectNode variant = record.deepCopy();
            variant.remove(f);
            invalid.add(Template.compile(text(variant)));
        }
        boolean[] only = new boolean[dateOnly.size()];
        for (int i = 0; i < only.length; i++) {
            only[i] = dateOnly.get(i);
        }
        return new Step(
                dataset.id().value(),
                Template.compile(text(record)),
                List.copyOf(invalid),
                List.copyOf(removable),
                times.toArray(LocalDateTime[]::new),
                only);
    }

    private static boolean isTime(String format) {
        return "ts14".equals(format) || "d8".equals(format) || "dt".equals(format);
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

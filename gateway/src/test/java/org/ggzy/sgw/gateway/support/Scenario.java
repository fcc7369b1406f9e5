package org.ggzy.sgw.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lifecycle scenario of {@code contracts/scenarios/}, made unique for one test: its platform code becomes the test
 * platform's, and the trailing digits of its project code are replaced by random ones everywhere (section codes
 * start with the project code, so they follow).
 */
public record Scenario(String name, String projectCode, List<Step> steps, Instant scanAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One push: at this time, this record. */
    public record Step(Instant at, String dataset, ObjectNode record) {

        public Step with(UnaryOperator<ObjectNode> change) {
            return new Step(at, dataset, change.apply(record.deepCopy()));
        }

        public Step at(Instant when) {
            return new Step(when, dataset, record);
        }

        public String dataKey() {
            return record.get("DATA_KEY").asText();
        }
    }

    public static Scenario load(String name, String platformCode) {
        String resource = "sgw/contracts/scenarios/" + name + ".json";
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no scenario " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode raw = Records.JSON.readTree(text);
            String project = raw.get("tenderProjectCode").asText();
            String unique = unique(project);
            text = text.replace(raw.get("platformCode").asText(), platformCode).replace(project, unique);
            for (JsonNode step : raw.get("steps")) {
                JsonNode investment = step.path("record").path("PROJECT_CODE");
                if (investment.isTextual() && !investment.asText().equals(project)) {
                    text = text.replace(investment.asText(), unique(investment.asText()));
                }
            }
            JsonNode file = Records.JSON.readTree(text);
            List<Step> steps = new ArrayList<>();
            file.get("steps")
                    .forEach(s -> steps.add(new Step(
                            OffsetDateTime.parse(s.get("at").asText()).toInstant(),
                            s.get("dataset").asText(),
                            (ObjectNode) s.get("record"))));
            return new Scenario(
                    name,
                    unique,
                    List.copyOf(steps),
                    OffsetDateTime.parse(file.get("scanAt").asText()).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data sets the scenario pushes (to register its platform for). */
    public String[] datasets() {
        Set<String> all = new LinkedHashSet<>();
        steps.forEach(s -> all.add(s.dataset()));
        all.add("gcjs.tender-exception");
        all.add("gcjs.complaint");
        return all.toArray(String[]::new);
    }

    public Step step(String dataset) {
        return steps.stream()
                .filter(s -> s.dataset().equals(dataset))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + dataset + " in " + name));
    }

    public Scenario without(String dataset) {
        return new Scenario(
                name,
                projectCode,
                steps.stream().filter(s -> !s.dataset().equals(dataset)).toList(),
                scanAt);
    }

    public Scenario replacing(String dataKey, UnaryOperator<Step> change) {
        return new Scenario(
                name,
                projectCode,
                steps.stream()
                        .map(s -> s.dataKey().equals(dataKey) ? change.apply(s) : s)
                        .toList(),
                scanAt);
    }

    public Scenario withSteps(List<Step> reordered) {
        return new Scenario(name, projectCode, List.copyOf(reordered), scanAt);
    }

    public String sectionCode() {
        return steps.stream()
                .map(s ->
                        s.record().path(s.dataset().startsWith("zfcg") ? "PURCHASE_SECTION_CODE" : "BID_SECTION_CODE"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .findFirst()
                .orElseThrow();
    }

    private static String unique(String project) {
        Matcher m = Pattern.compile("(\\d{1,10})$").matcher(project);
        if (!m.find()) {
            throw new IllegalStateException("project code without trailing digits: " + project);
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < m.group(1).length(); i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return project.substring(0, m.start(1)) + digits;
    }
}

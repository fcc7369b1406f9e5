package org.ggzy.sgw.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The valid records of {@code contracts/examples/} and {@code contracts/scenarios/}, each with its data set: what the
 * fuzzer mutates. Read once, before any request is sent.
 */
record Seeds(List<Seed> all) {

    /** One valid record of a data set. */
    record Seed(String dataset, ObjectNode record) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static Seeds load() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Seed> seeds = new ArrayList<>();
        try {
            for (Resource r : resolver.getResources("classpath*:sgw/contracts/examples/*/valid-*.json")) {
                String url = r.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                seeds.add(new Seed(folder.substring(folder.lastIndexOf('/') + 1), (ObjectNode) read(r)));
            }
            for (Resource r : resolver.getResources("classpath*:sgw/contracts/scenarios/*.json")) {
                for (JsonNode step : read(r).path("steps")) {
                    seeds.add(new Seed(step.get("dataset").asText(), (ObjectNode) step.get("record")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (seeds.size() < 20) {
            throw new IllegalStateException("the contracts' examples are not on the class path: " + seeds.size());
        }
        return new Seeds(List.copyOf(seeds));
    }

    private static JsonNode read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    List<String> datasets() {
        return all.stream().map(Seed::dataset).distinct().sorted().toList();
    }
}

package org.ggzy.sgw.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code contracts/problems.json} lists exactly the problem types the gateway produces. */
class ProblemCatalogueTest {

    @Test
    void shouldMatchTheContract() throws Exception {
        JsonNode contract;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sgw/contracts/problems.json")) {
            contract = new ObjectMapper().readTree(in);
        }
        List<String> listed = new ArrayList<>();
        contract.get("problems")
                .forEach(p -> listed.add(p.get("type").asText() + " "
                        + p.get("status").asInt() + " " + p.get("title").asText()));
        List<String> produced = Arrays.stream(ProblemType.values())
                .map(t -> t.uri() + " " + t.status().value() + " " + t.title())
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(produced);
    }
}

package org.ggzy.sgw.bench.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ggzy.sgw.bench.validation.ValidationFixtures;
import org.ggzy.sgw.gateway.push.PushProperties;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.junit.jupiter.api.Test;

/** The parsing benchmark drives the gateway's own strict parser, with its default limits, on the bodies it claims. */
class ParsingFixturesTest {

    final GatewayRecordParser parser = new GatewayRecordParser();

    @Test
    void shouldUseThePushApiDefaults() {
        PushProperties limits = parser.properties();
        assertThat(limits.maxRecords()).isEqualTo(1000);
        assertThat(limits.maxDepth()).isEqualTo(32);
        assertThat(limits.maxStringLength()).isEqualTo(1_000_000);
    }

    @Test
    void shouldParseTheSingleRecordIntoItsTreeAndExactText() {
        byte[] body = ParsingFixtures.single();
        List<?> records = parser.parse(body, false);

        assertThat(records).hasSize(1);
        assertThat(parser.node(records.get(0))).isEqualTo(ValidationFixtures.bidder());
        assertThat(parser.payload(records.get(0))).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(body.length).isBetween(1000, 1400);
    }

    @Test
    void shouldParseTheArrayAndTheNdjsonIntoTheSameHundredRecords() {
        List<ObjectNode> rows = ParsingFixtures.rows();
        List<?> array = parser.parse(ParsingFixtures.array(), false);
        List<?> ndjson = parser.parse(ParsingFixtures.ndjson(), true);

        assertThat(array).hasSize(100);
        assertThat(ndjson).hasSize(100);
        assertThat(array.stream().map(parser::node)).containsExactlyElementsOf(rows);
        assertThat(ndjson.stream().map(parser::node)).containsExactlyElementsOf(rows);
        assertThat(array.stream().map(r -> parser.node(r).get("DATA_KEY").asText()))
                .doesNotHaveDuplicates();
        assertThat(parser.payload(array.get(0)))
                .startsWith("{\"DATA_KEY\":\"BD-2026-000001\"")
                .isEqualTo(parser.payload(ndjson.get(0)));
        JsonNode price = parser.node(array.get(0)).get("BID_PRICE");
        assertThat(price.isBigDecimal() || price.isIntegralNumber()).isTrue();
    }

    @Test
    void shouldBeTheGatewaysStrictParser() {
        byte[] duplicate = "{\"DATA_KEY\":\"A\",\"DATA_KEY\":\"B\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(duplicate, false))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type())
                .isEqualTo(ProblemType.DUPLICATE_KEY);

        byte[] deep = ("[".repeat(40) + "]".repeat(40)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(deep, false))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type())
                .isEqualTo(ProblemType.NESTING_TOO_DEEP);
    }

    @Test
    void shouldSetUpTheBenchmarkOnBodiesItAccepts() {
        PushParsingBenchmark benchmark = new PushParsingBenchmark();
        benchmark.setUp();
        assertThat(benchmark.parseSingle()).hasSize(1);
        assertThat(benchmark.parseArray100()).hasSize(ParsingFixtures.BATCH_SIZE);
        assertThat(benchmark.parseNdjson100()).hasSize(ParsingFixtures.BATCH_SIZE);
    }
}

package org.ggzy.sgw.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordNodesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String record(String key, int textLength) {
        return "{\"DATA_KEY\":\"" + key + "\",\"NOTICE_CONTENT\":\"" + "招".repeat(textLength)
                + "\",\"ITEMS\":[{\"NOTE\":\"" + "x".repeat(textLength) + "\"}]}";
    }

    @Nested
    class Compact {

        @Test
        void shouldCutLongStringsAndKeepShortOnes() {
            JsonNode node = RecordNodes.compact(parse(record("K-1", 1_000_000)));

            assertThat(node.get("DATA_KEY").asText()).isEqualTo("K-1");
            assertThat(node.get("NOTICE_CONTENT").asText()).hasSize(RecordNodes.MAX_TEXT);
            assertThat(node.at("/ITEMS/0/NOTE").asText()).hasSize(RecordNodes.MAX_TEXT);
        }
    }

    @Nested
    class Bounds {

        @Test
        void shouldAnswerFromMemoryWhatItHolds() {
            RecordNodes nodes = new RecordNodes(0.1);
            AtomicInteger parsed = new AtomicInteger();
            String payload = record("K-2", 10);
            nodes.get("r1", payload, p -> {
                parsed.incrementAndGet();
                return parse(p);
            });
            JsonNode again = nodes.get("r1", payload, p -> {
                parsed.incrementAndGet();
                return parse(p);
            });

            assertThat(parsed.get()).isEqualTo(1);
            assertThat(nodes.peek("r1")).isSameAs(again);
        }

        @Test
        void shouldHoldNoMoreThanItsShareOfTheHeapWhateverTheNumberOfRecords() {
            RecordNodes nodes = new RecordNodes(0.001);
            long capacity = (long) (Runtime.getRuntime().maxMemory() * 0.001);
            int count = (int) (capacity / (RecordNodes.MAX_TEXT * 2L * RecordNodes.BYTES_PER_CHAR)) * 4 + 100;
            for (int i = 0; i < count; i++) {
                nodes.get("r" + i, record("K-" + i, 100_000), RecordNodesTest::parse);
            }
            long held = nodes.stats()[0];
            long perEntry = 2L * RecordNodes.MAX_TEXT * RecordNodes.BYTES_PER_CHAR;

            assertThat(held)
                    .as("entries held of %d", count)
                    .isLessThan(count)
                    .isLessThanOrEqualTo(capacity / perEntry + 1);
        }

        @Test
        void shouldKeepNothingWhenItsShareIsZero() {
            RecordNodes nodes = new RecordNodes(0);
            nodes.get("r1", record("K-3", 10), RecordNodesTest::parse);

            assertThat(nodes.peek("r1")).isNull();
        }
    }
}

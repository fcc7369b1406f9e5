package org.ggzy.sgw.bench.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a push body (one JSON object or a JSON array of objects) into records the way the gateway's parser does:
 * the same Jackson settings (duplicate keys refused, nesting and string length limited, decimals as BigDecimal), one
 * tree per record read from the streaming parser, and each record's exact text kept beside its tree. It leaves out
 * the gateway's error translation and NDJSON, which the benchmark does not exercise.
 */
public final class PushBodyReader {

    /** The gateway's defaults ({@code sgw.push.max-depth}, {@code sgw.push.max-string-length}). */
    public static final int MAX_DEPTH = 32;

    public static final int MAX_STRING_LENGTH = 1_000_000;

    private final ObjectMapper mapper;

    public PushBodyReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** One record of a body: its exact text and its tree. */
    public record ParsedRecord(String payload, JsonNode node) {}

    public List<ParsedRecord> read(byte[] body) {
        List<ParsedRecord> records = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                records.add(readRecord(parser, body));
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    records.add(readRecord(parser, body));
                }
            } else {
                throw new IllegalArgumentException("a push body is a JSON object or a JSON array");
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("content after the JSON value");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private ParsedRecord readRecord(JsonParser parser, byte[] body) throws IOException {
        int from = (int) parser.currentTokenLocation().getByteOffset();
        JsonNode node = mapper.readTree(parser);
        int to = (int) parser.currentLocation().getByteOffset();
        return new ParsedRecord(new String(body, from, to - from, StandardCharsets.UTF_8), node);
    }
}

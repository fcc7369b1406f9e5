package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;

/**
 * Splits a push body into records, strictly: one JSON object, a JSON array of at most {@code maxRecords}, or NDJSON.
 * Duplicate keys, nesting deeper than {@code maxDepth}, strings longer than {@code maxStringLength} and anything
 * that is not JSON are refused with their own problem types. Each record keeps its exact bytes.
 */
final class RecordParser {

    private final ObjectMapper mapper;
    private final int maxRecords;
    private final int maxDepth;
    private final int maxStringLength;

    RecordParser(int maxRecords, int maxDepth, int maxStringLength) {
        this.maxRecords = maxRecords;
        this.maxDepth = maxDepth;
        this.maxStringLength = maxStringLength;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    List<RawRecord> parse(byte[] body, boolean ndjson) {
        if (isBlank(body)) {
            throw ProblemType.EMPTY_BODY.exception("The body holds no record.");
        }
        return ndjson ? parseNdjson(body) : parseJson(body);
    }

    private List<RawRecord> parseJson(byte[] body) {
        List<RawRecord> records = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                records.add(readRecord(parser, body, 0, null));
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (records.size() == maxRecords) {
                        throw tooMany();
                    }
                    records.add(readRecord(parser, body, records.size(), null));
                }
            } else {
                throw ProblemType.MALFORMED_JSON.exception(
                        "The body must be a JSON object (one record) or a JSON array of records.");
            }
            if (parser.nextToken() != null) {
                throw ProblemType.MALFORMED_JSON.exception("Unexpected content after the JSON value at byte "
                        + parser.currentTokenLocation().getByteOffset()
                        + "; send several records as an array or as NDJSON.");
            }
        } catch (IOException e) {
            throw translate(e, null);
        } catch (NumberFormatException e) {
            throw numberOutOfRange(null);
        }
        if (records.isEmpty()) {
            throw ProblemType.EMPTY_BODY.exception("The array holds no record.");
        }
        return records;
    }

    private List<RawRecord> parseNdjson(byte[] body) {
        List<RawRecord> records = new ArrayList<>();
        int start = 0;
        int line = 1;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            int stop = end < 0 ? body.length : end;
            if (!isBlank(body, start, stop)) {
                if (records.size() == maxRecords) {
                    throw tooMany();
                }
                records.add(parseLine(body, start, stop, records.size(), line));
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
            line++;
        }
        if (records.isEmpty()) {
            throw ProblemType.EMPTY_BODY.exception("The body holds no record.");
        }
        return records;
    }

    private RawRecord parseLine(byte[] body, int start, int stop, int index, int line) {
        try (JsonParser parser = mapper.createParser(body, start, stop - start)) {
            if (parser.nextToken() == null) {
                // only a byte order mark, which the parser skips: a line without a value, not a blank one
                throw ProblemType.MALFORMED_JSON
                        .exception("Line " + line + " holds no JSON value; NDJSON has one record a line.")
                        .with("line", line);
            }
            JsonNode node = StorableText.require(mapper.readTree(parser), index, line);
            if (parser.nextToken() != null) {
                throw ProblemType.MALFORMED_JSON
                        .exception("Line " + line + " holds more than one JSON value; NDJSON has one record a line.")
                        .with("line", line);
            }
            String payload = new String(body, start, stop - start, StandardCharsets.UTF_8).strip();
            return new RawRecord(index, line, payload, node);
        } catch (IOException e) {
            throw translate(e, line);
        } catch (NumberFormatException e) {
            throw numberOutOfRange(line);
        }
    }

    private RawRecord readRecord(JsonParser parser, byte[] body, int index, Integer line) throws IOException {
        int from = (int) parser.currentTokenLocation().getByteOffset();
        JsonNode node = StorableText.require(mapper.readTree(parser), index, null);
        int to = (int) parser.currentLocation().getByteOffset();
        return new RawRecord(index, line, new String(body, from, to - from, StandardCharsets.UTF_8), node);
    }

    private ProblemException tooMany() {
        return ProblemType.TOO_MANY_RECORDS
                .exception("At most " + maxRecords + " records may be sent in one request; split the batch.")
                .with("maxRecords", maxRecords);
    }

    /** A number Jackson reads as a {@code BigDecimal} but whose exponent does not fit one (e.g. {@code 1E+2147483648}). */
    private static ProblemException numberOutOfRange(Integer line) {
        String where = line == null ? "" : " (line " + line + ")";
        ProblemException problem = ProblemType.MALFORMED_JSON.exception(
                "The body is not valid JSON" + where + ": a number's exponent is out of range.");
        return line == null ? problem : problem.with("line", line);
    }

    private ProblemException translate(IOException e, Integer line) {
        String where = line == null ? "" : " (line " + line + ")";
        String message = e.getMessage() == null ? "" : e.getMessage();
        ProblemException problem;
        if (e instanceof StreamConstraintsException && message.contains("getMaxNestingDepth")) {
            problem = ProblemType.NESTING_TOO_DEEP.exception(
                    "JSON is nested deeper than " + maxDepth + " levels" + where + ".");
        } else if (e instanceof StreamConstraintsException && message.contains("getMaxStringLength")) {
            problem = ProblemType.STRING_TOO_LONG.exception(
                    "A JSON string is longer than " + maxStringLength + " characters" + where + ".");
        } else if (e instanceof JsonParseException && message.startsWith("Duplicate field")) {
            String first = message.lines().findFirst().orElse("");
            String field =
                    first.substring(first.indexOf('\'') + 1, Math.max(first.indexOf('\''), first.lastIndexOf('\'')));
            problem = ProblemType.DUPLICATE_KEY
                    .exception("Key '" + field + "' appears twice in one JSON object" + where + ".")
                    .with("key", field);
        } else {
            String reason = message.lines().findFirst().orElse("invalid JSON");
            problem = ProblemType.MALFORMED_JSON.exception("The body is not valid JSON" + where + ": " + reason);
        }
        return line == null ? problem : problem.with("line", line);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] bytes) {
        return isBlank(bytes, 0, bytes.length);
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}

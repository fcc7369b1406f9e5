package org.ggzy.sgw.schemas.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a file, read the way the gateway reads a push body: one JSON object, a JSON array of objects, or
 * NDJSON (one record a line; recognised when the first JSON value of the file is followed by another). Duplicate keys
 * are refused, as the gateway refuses them; decimals are kept exactly.
 *
 * @param layout how the file holds its records
 * @param records the records, in file order
 */
record RecordFile(Layout layout, List<Entry> records) {

    /** How a file holds its records. */
    enum Layout {
        OBJECT,
        ARRAY,
        NDJSON
    }

    /**
     * One record of the file.
     *
     * @param index position in the file, from 0 (as the gateway's receipt numbers records)
     * @param line the line it is on, for NDJSON; else {@code null}
     * @param node the record
     */
    record Entry(int index, Integer line, JsonNode node) {}

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    RecordFile {
        records = List.copyOf(records);
    }

    static RecordFile read(Path path) throws CliException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw CliException.error(path + ": no such file (文件不存在)");
        } catch (IOException e) {
            throw CliException.error(path + ": cannot read the file (无法读取文件): " + e);
        }
        return parse(path.toString(), bytes);
    }

    static RecordFile parse(String name, byte[] bytes) throws CliException {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw CliException.error(name + ": the file holds no record (文件中没有记录)");
            }
            if (first == JsonToken.START_ARRAY) {
                return new RecordFile(Layout.ARRAY, array(name, parser));
            }
            if (first != JsonToken.START_OBJECT) {
                throw CliException.error(name + ": expected a JSON object, a JSON array of objects or NDJSON"
                        + " (应为一个 JSON 对象、JSON 对象数组或每行一个对象的 NDJSON)");
            }
            JsonNode node = MAPPER.readTree(parser);
            if (parser.nextToken() == null) {
                return new RecordFile(Layout.OBJECT, List.of(new Entry(0, null, node)));
            }
        } catch (IOException e) {
            throw malformed(name, e, null);
        }
        return new RecordFile(Layout.NDJSON, ndjson(name, bytes));
    }

    private static List<Entry> array(String name, JsonParser parser) throws IOException, CliException {
        List<Entry> records = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            records.add(new Entry(records.size(), null, MAPPER.readTree(parser)));
        }
        if (parser.nextToken() != null) {
            throw CliException.error(
                    name + ": line " + parser.currentTokenLocation().getLineNr()
                            + ": content after the JSON array (数组之后还有内容); put every record in the array");
        }
        if (records.isEmpty()) {
            throw CliException.error(name + ": the array holds no record (数组中没有记录)");
        }
        return records;
    }

    private static List<Entry> ndjson(String name, byte[] bytes) throws CliException {
        List<Entry> records = new ArrayList<>();
        int line = 1;
        for (int start = 0; start < bytes.length; line++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (!isBlank(bytes, start, end)) {
                records.add(new Entry(records.size(), line, parseLine(name, bytes, start, end, line)));
            }
            start = end + 1;
        }
        return records;
    }

    private static JsonNode parseLine(String name, byte[] bytes, int start, int end, int line) throws CliException {
        try (JsonParser parser = MAPPER.createParser(bytes, start, end - start)) {
            parser.nextToken();
            JsonNode node = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw CliException.error(name + ": line " + line + ": more than one JSON value on the line"
                        + " (一行只能有一条记录); NDJSON holds one record a line");
            }
            return node;
        } catch (IOException e) {
            throw malformed(name, e, line);
        }
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static CliException malformed(String name, IOException e, Integer ndjsonLine) {
        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        reason = reason == null ? "" : reason.lines().findFirst().orElse("");
        JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
        String where = at == null
                ? ""
                : ": line " + (ndjsonLine == null ? at.getLineNr() : ndjsonLine) + ", column " + at.getColumnNr();
        if (reason.startsWith("Duplicate field")) {
            String key = reason.substring(reason.indexOf('\'') + 1, reason.lastIndexOf('\''));
            return CliException.error(name + where + ": duplicate key \"" + key + "\" in one JSON object (字段 " + key
                    + " 重复出现); a record must name each field once");
        }
        return CliException.error(name + where + ": malformed JSON (JSON 格式错误): " + reason);
    }
}

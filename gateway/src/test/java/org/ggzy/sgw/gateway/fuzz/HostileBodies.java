package org.ggzy.sgw.gateway.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile push bodies, deterministic for a given {@link Random}: mutated valid records (one, an array, NDJSON), random
 * bytes, deep nesting, huge numbers, invalid UTF-8, 1,001 records, bad NDJSON lines, empty arrays, arrays of
 * non-objects and duplicate keys.
 */
final class HostileBodies {

    /** A body for a data set; {@code kind} names what was made, for the report. */
    record Body(String kind, String dataset, byte[] bytes, boolean ndjson) {}

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final Seeds seeds;

    HostileBodies(Seeds seeds) {
        this.seeds = seeds;
    }

    Body next(Random random, String platformCode) {
        Seeds.Seed seed = HostileValues.pick(random, seeds.all());
        ObjectNode valid = seed.record().deepCopy();
        valid.put("PLATFORM_CODE", platformCode);
        valid.put("DATA_KEY", "FZ-" + Long.toHexString(random.nextLong()));
        int pick = random.nextInt(100);
        String dataset = seed.dataset();
        if (pick < 45) {
            return mutated(random, dataset, valid);
        } else if (pick < 53) {
            byte[] bytes = new byte[random.nextInt(3000)];
            random.nextBytes(bytes);
            return new Body("random-bytes", dataset, bytes, random.nextBoolean());
        } else if (pick < 58) {
            int depth = HostileValues.pick(random, List.of(31, 32, 33, 200, 100_000));
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            return new Body("deep-nesting", dataset, utf8(open.repeat(depth) + "1"), false);
        } else if (pick < 60) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                lines.add(text(random, valid.deepCopy().put("DATA_KEY", "FZ-MANY-" + i)));
            }
            boolean ndjson = random.nextBoolean();
            return new Body(
                    "1001-records", dataset, utf8(ndjson ? String.join("\n", lines) : lines.toString()), ndjson);
        } else if (pick < 70) {
            return badNdjson(random, dataset, valid);
        } else if (pick < 78) {
            return new Body(
                    "non-objects", dataset, utf8(HostileValues.pick(random, NON_RECORDS)), random.nextBoolean());
        } else if (pick < 85) {
            return duplicateKey(random, dataset, valid);
        } else if (pick < 92) {
            return invalidUtf8(random, dataset, valid);
        }
        return new Body("wrong-dataset", HostileValues.pick(random, seeds.datasets()), bytes(random, valid), false);
    }

    private static final List<String> NON_RECORDS = List.of(
            "[]",
            "[[]]",
            "[1,\"a\",null,[],true]",
            "[{}]",
            "{}",
            "null",
            "\"record\"",
            "123",
            "true",
            "[null]",
            "[{\"DATA_KEY\":null}]",
            "{\"\":null}",
            "{\"\\u0000\":\"\\u0000\"}",
            "[{},{},{}]",
            "{} {}",
            "[{}] x",
            "\ufeff{}",
            "\ufeff",
            "{\"a\":1,}",
            "[1,]",
            "{'DATA_KEY':'x'}",
            "NaN",
            "[Infinity]",
            "{\"DATA_KEY\":\"x\"",
            " \t\r\n ");

    private Body mutated(Random random, String dataset, ObjectNode valid) {
        int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 4);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode record = Mutator.mutate(random, valid, random.nextInt(5));
            record.put("DATA_KEY", record.path("DATA_KEY").asText() + "-" + i);
            records.add(text(random, record));
        }
        int form = random.nextInt(3);
        String body = form == 0 ? records.get(0) : form == 1 ? records.toString() : String.join("\n", records);
        return new Body("mutated", dataset, utf8(body), form == 2);
    }

    private Body badNdjson(Random random, String dataset, ObjectNode valid) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            lines.add(
                    random.nextBoolean()
                            ? text(random, valid.deepCopy().put("DATA_KEY", "FZ-ND-" + random.nextInt()))
                            : HostileValues.pick(random, BAD_LINES));
        }
        return new Body("bad-ndjson", dataset, utf8(String.join(random.nextBoolean() ? "\n" : "\r\n", lines)), true);
    }

    private static final List<String> BAD_LINES = List.of(
            "\ufeff",
            "\ufeff{}",
            "null",
            "[]",
            "1",
            "\"x\"",
            "{}{}",
            "{\"a\":1} x",
            "{",
            "\u0000",
            "\u2028",
            "\f",
            "\r",
            "{\"DATA_KEY\":\"a\",\"DATA_KEY\":\"b\"}",
            "[{}]",
            "\u00a0",
            "// comment",
            "{\"a\":1}\r",
            "\u000b");

    private Body duplicateKey(Random random, String dataset, ObjectNode valid) {
        String text = text(random, valid);
        String key = random.nextBoolean()
                ? "\"" + HostileValues.pick(random, List.of("DATA_KEY", "PLATFORM_CODE", "DATA_TIMESTAMP", "x")) + "\""
                : quoted(HostileValues.pick(random, HostileValues.KEYS));
        String duplicated = "{" + key + ":\"dup\"," + key + ":1," + text.substring(1);
        String nested = text.substring(0, text.length() - 1) + ",\"o\":{\"k\":1,\"k\":2}}";
        return new Body("duplicate-key", dataset, utf8(random.nextBoolean() ? duplicated : nested), false);
    }

    private static String quoted(String key) {
        try {
            return ESCAPING.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Body invalidUtf8(Random random, String dataset, ObjectNode valid) {
        byte[] json = utf8(text(random, valid));
        byte[] bad = HostileValues.pick(random, INVALID_UTF8);
        int at = 1 + random.nextInt(json.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(bad);
        out.write(json, at, json.length - at);
        return new Body("invalid-utf8", dataset, out.toByteArray(), random.nextBoolean());
    }

    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAE},
            new byte[] {(byte) 0xFF},
            new byte[] {0},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    private static byte[] bytes(Random random, ObjectNode record) {
        return utf8(text(random, record));
    }

    /** The record as JSON text, non-ASCII escaped or not, markers replaced by raw number texts. */
    static String text(Random random, ObjectNode record) {
        try {
            String text = (random.nextBoolean() ? ESCAPING : PLAIN).writeValueAsString(record);
            while (text.contains("\"" + Mutator.NUMBER + "\"")) {
                text = text.replaceFirst(
                        "\"" + Mutator.NUMBER + "\"", HostileValues.pick(random, HostileValues.NUMBERS));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

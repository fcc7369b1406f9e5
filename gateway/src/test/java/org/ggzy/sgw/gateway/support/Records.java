package org.ggzy.sgw.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Records for tests, from the valid examples in {@code contracts/}, re-keyed for the test's platform. */
public final class Records {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Records() {}

    /** The valid example of a data set, with the platform's code and a unique {@code DATA_KEY}. */
    public static ObjectNode valid(String dataset, String example, String platformCode) {
        // not UUID.randomUUID(): tests build records on event loops, where SecureRandom's file reads are refused
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        try {
            ObjectNode record = uniqueProject(example(dataset, example).deepCopy());
            record.put("PLATFORM_CODE", platformCode);
            record.put(
                    "DATA_KEY",
                    "T-" + String.format("%012x%012x", random.nextLong(1L << 48), random.nextLong(1L << 48)));
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Examples read once (tests build records inside reactive pipelines, where reading a file would block). */
    private static final java.util.Map<String, ObjectNode> EXAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ObjectNode example(String dataset, String example) {
        String resource = "sgw/contracts/examples/" + dataset + "/" + example;
        return EXAMPLES.computeIfAbsent(resource, r -> {
            try (InputStream in = Records.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("no example " + r);
                }
                return (ObjectNode) JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The record with its project code's trailing digits made random, everywhere in the record (section codes start
     * with it), so that tests never share a section by accident.
     */
    static ObjectNode uniqueProject(ObjectNode record) throws IOException {
        for (String field : new String[] {"TENDER_PROJECT_CODE", "PURCHASE_PROJECT_CODE"}) {
            if (record.path(field).isTextual()) {
                String code = record.get(field).asText();
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("(\\d{1,8})$").matcher(code);
                if (m.find()) {
                    StringBuilder digits = new StringBuilder();
                    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                    for (int i = 0; i < m.group(1).length(); i++) {
                        digits.append(random.nextInt(10));
                    }
                    String unique = code.substring(0, m.start(1)) + digits;
                    return (ObjectNode) JSON.readTree(record.toString().replace(code, unique));
                }
            }
        }
        return record;
    }

    public static ObjectNode tenderNotice(String platformCode) {
        return valid("gcjs.tender-notice", "valid-original.json", platformCode);
    }

    public static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] ndjson(ArrayNode records) {
        StringBuilder out = new StringBuilder();
        records.forEach(r -> out.append(r.toString()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

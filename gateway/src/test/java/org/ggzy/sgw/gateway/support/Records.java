package org.ggzy.sgw.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Records for tests, from the valid examples in {@code contracts/}, re-keyed for the test's platform. */
public final class Records {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Records() {}

    /** The valid example of a data set, with the platform's code and a unique {@code DATA_KEY}. */
    public static ObjectNode valid(String dataset, String example, String platformCode) {
        String resource = "sgw/contracts/examples/" + dataset + "/" + example;
        try (InputStream in = Records.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no example " + resource);
            }
            ObjectNode record = uniqueProject((ObjectNode) JSON.readTree(in));
            record.put("PLATFORM_CODE", platformCode);
            record.put(
                    "DATA_KEY",
                    "T-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;

/** Text the gateway can store: the check {@link RecordParser} applies to every record it reads. */
final class StorableText {

    private StorableText() {}

    /**
     * Refuses text no database column can hold and no UTF-8 encoder can write: U+0000 and unpaired surrogates (legal
     * JSON escapes, not Unicode text; RFC 7493 forbids them), in keys and in values. Each stored, echoed or logged
     * copy of such a string failed later instead (PostgreSQL: "invalid byte sequence for encoding UTF8": a 500).
     */
    static JsonNode require(JsonNode node, int index, Integer line) {
        if (!storable(node)) {
            String where = line == null ? "record " + index : "line " + line;
            ProblemException problem = ProblemType.MALFORMED_JSON.exception("The body is not valid JSON text (" + where
                    + "): a key or string holds U+0000 or an unpaired surrogate (\\uD800-\\uDFFF alone).");
            throw line == null ? problem.with("index", index) : problem.with("line", line);
        }
        return node;
    }

    private static boolean storable(JsonNode node) {
        if (node.isTextual()) {
            return storable(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!storable(field.getKey()) || !storable(field.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!storable(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;

/** Text the gateway can store: the check {@link RecordParser} applies to every record it reads. */
final class StorableText {

    private StorableText() {}

    /** Decimal places a number may have written out ({@code 1e-1000} has 1,000; {@code 1e1000} 1,001 digits). */
    static final int MAX_SCALE = 1000;

    /**
     * Refuses text no database column can hold: U+0000 and unpaired surrogates (legal JSON escapes, not Unicode text;
     * RFC 7493 forbids them), in keys and in values. They reached PostgreSQL inside the receipt's JSON (e.g. in the
     * platform-mismatch message) and it refused the push's transaction ("invalid byte sequence for encoding UTF8"):
     * a 500. Also refuses numbers whose exponent would write them out with more than {@link #MAX_SCALE} places: the
     * schema library's {@code enum} keyword compares numbers through {@code toPlainString()}, which for
     * {@code 1e999999999} builds a billion-character string and held an event loop for minutes.
     */
    static JsonNode require(JsonNode node, int index, Integer line) {
        if (!storable(node)) {
            String where = line == null ? "record " + index : "line " + line;
            ProblemException problem = ProblemType.MALFORMED_JSON.exception("The body is not valid JSON text (" + where
                    + "): a key or string holds U+0000 or an unpaired surrogate (\\uD800-\\uDFFF alone), or a number"
                    + " has an exponent beyond " + MAX_SCALE + " places.");
            throw line == null ? problem.with("index", index) : problem.with("line", line);
        }
        return node;
    }

    private static boolean storable(JsonNode node) {
        if (node.isTextual()) {
            return storable(node.textValue());
        }
        if (node.isBigDecimal()) {
            return Math.abs((long) node.decimalValue().scale()) <= MAX_SCALE;
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

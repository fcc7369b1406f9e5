package org.ggzy.sgw.gateway.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Masks personal data for destinations not entitled to it: an identity number keeps its first 4 and last 4
 * characters ({@code 3501**********4512}), a name its first character ({@code 张**}), anything shorter becomes stars.
 */
final class Masking {

    private Masking() {}

    /** The masked copy and the policy applied, e.g. {@code masked:ID_CARD,EXPERT_NAME} or {@code none}. */
    static Masked apply(JsonNode record, Collection<String> fields, boolean entitled) {
        if (entitled) {
            return new Masked(record.toString(), "unmasked:entitled");
        }
        ObjectNode copy = record.deepCopy();
        List<String> masked = new ArrayList<>();
        for (String field : fields) {
            JsonNode value = copy.get(field);
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                copy.put(field, mask(value.asText()));
                masked.add(field);
            }
        }
        return new Masked(copy.toString(), masked.isEmpty() ? "none" : "masked:" + String.join(",", masked));
    }

    static String mask(String value) {
        int n = value.codePointCount(0, value.length());
        if (n >= 10) {
            return value.substring(0, 4) + "*".repeat(n - 8) + value.substring(value.length() - 4);
        }
        if (n >= 2 && !value.chars().allMatch(Character::isLetterOrDigit)) {
            return "*".repeat(n);
        }
        return n >= 2 ? value.substring(0, value.offsetByCodePoints(0, 1)) + "*".repeat(n - 1) : "*";
    }

    record Masked(String payload, String policy) {}
}

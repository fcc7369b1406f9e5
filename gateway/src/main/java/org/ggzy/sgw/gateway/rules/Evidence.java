package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evidence of a finding, in the order it was gathered: field values under their specification names (e.g.
 * {@code DOC_GET_START_TIME}), computed values under camelCase names (e.g. {@code days}). Absent values are left out,
 * so a finding never carries {@code null}.
 */
final class Evidence {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a value; {@code null} is ignored; an amount is written as a plain decimal string. */
    Evidence put(String key, Object value) {
        if (value instanceof BigDecimal amount) {
            values.put(key, Yuan.plain(amount));
        } else if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    /** Adds the raw text of each field of the record that has a value. */
    Evidence fields(SectionRecord record, String... fields) {
        for (String field : fields) {
            put(field, record.text(field));
        }
        return this;
    }

    Map<String, Object> map() {
        return Collections.unmodifiableMap(values);
    }
}

package org.ggzy.sgw.schemas;

import java.util.List;

/**
 * The outcome of validating one record: every violation (never only the first) and the fields the schema does
 * not define (kept, reported for information, never a reason to reject).
 */
public record Validation(List<Violation> violations, List<String> unknownFields) {

    public Validation {
        violations = List.copyOf(violations);
        unknownFields = List.copyOf(unknownFields);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}

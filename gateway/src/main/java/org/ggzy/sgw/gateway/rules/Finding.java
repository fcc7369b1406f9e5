package org.ggzy.sgw.gateway.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule found: the material of a warning.
 *
 * @param rule the rule name of rules.md, e.g. {@code BID_PERIOD_TOO_SHORT} (the warning's {@code rule})
 * @param severity how serious
 * @param dataset the data set the finding is about (the record's, or the expected one)
 * @param discriminator what tells two findings of one rule on one subject apart ({@code ""} when nothing does)
 * @param message English explanation with the values that triggered it
 * @param messageZh the same in Chinese
 * @param legalBasis the law or regulation, article included
 * @param evidence the field values that triggered it (names as in the specification)
 * @param recordIds the stored record versions the finding rests on
 * @param dueAt the deadline that was missed, when there is one
 */
public record Finding(
        String rule,
        Severity severity,
        String dataset,
        String discriminator,
        String message,
        String messageZh,
        String legalBasis,
        Map<String, Object> evidence,
        List<String> recordIds,
        Instant dueAt) {

    public Finding {
        discriminator = discriminator == null ? "" : discriminator;
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        recordIds = List.copyOf(recordIds);
    }
}

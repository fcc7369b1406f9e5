package org.ggzy.sgw.gateway.rules;

import java.util.List;
import java.util.Set;

/**
 * What the rules of this package share: identity, severity, legal basis and inputs, and the making of their
 * findings. A subclass only decides whether the section breaks its rule.
 */
abstract class SectionRule implements Rule {

    private final String id;
    private final String name;
    private final Severity severity;
    private final String legalBasis;
    private final Set<String> inputs;

    SectionRule(String id, String name, Severity severity, String legalBasis, Set<String> inputs) {
        this.id = id;
        this.name = name;
        this.severity = severity;
        this.legalBasis = legalBasis;
        this.inputs = Set.copyOf(inputs);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> inputs() {
        return inputs;
    }

    final Severity severity() {
        return severity;
    }

    final String legalBasis() {
        return legalBasis;
    }

    /** A finding of this rule about a record of {@code dataset}; the discriminator is always empty. */
    final Finding finding(String dataset, String message, String messageZh, Evidence evidence, List<String> recordIds) {
        return new Finding(
                name, severity, dataset, "", message, messageZh, legalBasis, evidence.map(), recordIds, null);
    }

    @Override
    public String toString() {
        return id + " " + name + " [" + severity + ", inputs "
                + inputs.stream().sorted().toList() + "]";
    }
}

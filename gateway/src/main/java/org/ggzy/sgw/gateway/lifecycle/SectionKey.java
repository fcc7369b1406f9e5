package org.ggzy.sgw.gateway.lifecycle;

import java.util.Comparator;

/**
 * A bid section or purchase section ({@code section} non-empty), or the project itself ({@code section} empty).
 * Sorting by this order is the order in which a push locks sections, so that concurrent pushes cannot deadlock.
 */
public record SectionKey(String tradeType, String project, String section) implements Comparable<SectionKey> {

    static final Comparator<SectionKey> ORDER = Comparator.comparing(SectionKey::tradeType)
            .thenComparing(SectionKey::project)
            .thenComparing(SectionKey::section);

    public boolean projectLevel() {
        return section.isEmpty();
    }

    public SectionKey projectKey() {
        return new SectionKey(tradeType, project, "");
    }

    @Override
    public int compareTo(SectionKey other) {
        return ORDER.compare(this, other);
    }
}

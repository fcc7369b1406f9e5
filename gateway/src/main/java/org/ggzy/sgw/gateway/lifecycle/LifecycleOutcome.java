package org.ggzy.sgw.gateway.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.warning.WarningChange;

/**
 * What the lifecycle did in one push: the warning changes to publish after commit, and the warnings each record
 * raised or refreshed (for its receipt). Filled by one reactive chain, one step after another.
 */
public final class LifecycleOutcome {

    private final List<WarningChange> changes = new ArrayList<>();
    private final Map<Integer, Map<String, WarningRef>> byIndex = new LinkedHashMap<>();

    void add(WarningChange change) {
        changes.add(change);
    }

    void add(int index, WarningChange change) {
        changes.add(change);
        if (!"RESOLVED".equals(change.type())) {
            byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>())
                    .put(change.warningId(), new WarningRef(change.warningId(), change.rule(), change.severity()));
        }
    }

    public List<WarningChange> changes() {
        return List.copyOf(changes);
    }

    public List<WarningRef> warnings(int index) {
        Map<String, WarningRef> refs = byIndex.get(index);
        return refs == null ? List.of() : List.copyOf(refs.values());
    }

    /** A warning as the receipt names it. */
    public record WarningRef(String id, String rule, String severity) {}
}
